package dev.mimik.signal.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.testing.TestSignal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrailingZeroPhaseFilterTest {

  private static final double FS = 1000;
  private static final Sos EOG = Butterworth.bandPass(4, 0.1, 10, FS);

  /**
   * A stream that starts level for longer than the edge padding: there {@code sosfiltfilt}'s start (odd extension,
   * steady state of its first sample) is the steady state of the first sample, so the band of the whole stream is
   * {@link ZeroPhaseSosFilter}'s (which matches scipy), whatever the blocks it came in.
   */
  @Test
  void isTheZeroPhaseBandOfAStreamThatStartsLevel() {
    double[] x = levelStart(TestSignal.of(4000, FS, 5), EOG.defaultPadLength() + 1);
    TrailingZeroPhaseFilter f = new TrailingZeroPhaseFilter(EOG, x.length + 100);
    push(f, x, new SplittableRandom(1));
    double[] expected = ZeroPhaseSosFilter.filter(EOG, x);
    assertThat(f.size()).isEqualTo(x.length);
    assertThat(maxDiff(f.band(), expected)).isLessThan(1e-9 * maxAbs(expected));
  }

  /** A window's band is the last part of the whole stream's: the backward pass starts at the same end. */
  @Test
  void aWindowIsTheEndOfTheWholeStreamsBand() {
    double[] x = TestSignal.of(6000, FS, 9);
    TrailingZeroPhaseFilter whole = new TrailingZeroPhaseFilter(EOG, x.length);
    TrailingZeroPhaseFilter window = new TrailingZeroPhaseFilter(EOG, 1500);
    push(whole, x, new SplittableRandom(2));
    push(window, x, new SplittableRandom(3));
    double[] all = whole.band();
    assertThat(window.size()).isEqualTo(1500);
    assertThat(window.band()).containsExactly(Arrays.copyOfRange(all, x.length - 1500, x.length));
  }

  private static void push(TrailingZeroPhaseFilter f, double[] x, SplittableRandom r) {
    for (int from = 0; from < x.length; ) {
      int to = Math.min(x.length, from + r.nextInt(0, 80));
      f.push(Arrays.copyOfRange(x, from, to));
      from = to;
    }
  }

  private static double[] levelStart(double[] x, int n) {
    double[] y = x.clone();
    Arrays.fill(y, 0, n, x[n]);
    return y;
  }

  private static double maxDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  private static double maxAbs(double[] a) {
    return Arrays.stream(a).map(Math::abs).max().orElse(0);
  }
}
