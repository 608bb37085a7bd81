package dev.mimik.signal.preset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.testing.TestSignal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A recording cut into parts with {@link EiferChain#envelopeMargin} / {@link EiferChain#eogMargin} samples of overlap
 * gives the frames of the whole recording through the chain: what {@code mimik emg apply} relies on to read long
 * recordings in segments.
 */
class EiferChainPartsTest {

  private static final double FS = 1024;

  /** A raw channel: EMG-like noise on an offset and a slow wander (which the EOG band's 0.1 Hz edge rings on). */
  private static double[] recording(int seconds, long seed) {
    double[] x = TestSignal.of((int) (seconds * FS), FS, seed);
    for (int i = 0; i < x.length; i++) {
      x[i] = 20 * x[i] + 300 + 80 * Math.sin(2 * Math.PI * 0.15 * i / FS) + 40 * Math.sin(2 * Math.PI * 1.1 * i / FS);
    }
    return x;
  }

  /** The frames of {@code whole} computed from parts of {@code core} samples with {@code margin} on each side. */
  private static double[] byParts(double[] whole, int core, int margin, int align, int frameAlign, boolean eog,
      double rate) {
    EiferChain chain = EiferChain.sound();
    double mean = Arrays.stream(whole).sum() / whole.length;
    int frames = eog ? EiferChain.eogBandPart(whole, FS, mean, rate).length : chain.applyPart(whole, FS, mean).length;
    double[] out = new double[frames];
    for (int s = 0; s < whole.length; s += core) {
      int from = Math.max(0, s - margin);
      int to = Math.min(whole.length, s + core + margin);
      double[] part = eog ? EiferChain.eogBandPart(Arrays.copyOfRange(whole, from, to), FS, mean, rate)
          : chain.applyPart(Arrays.copyOfRange(whole, from, to), FS, mean);
      int offset = from / align * frameAlign;
      int first = s / align * frameAlign;
      int last = s + core >= whole.length ? frames : (s + core) / align * frameAlign;
      for (int f = first; f < last; f++) {
        out[f] = part[f - offset];
      }
    }
    return out;
  }

  private static double worst(double[] a, double[] b) {
    double scale = Arrays.stream(b).map(Math::abs).max().orElse(1);
    double e = 0;
    for (int i = 0; i < a.length; i++) {
      e = Math.max(e, Math.abs(a[i] - b[i]));
    }
    return e / scale;
  }

  @Test
  void envelopesInPartsAreTheWholeRecordingsFrames() {
    EiferChain chain = EiferChain.sound();
    double[] x = recording(100, 5);
    int align = chain.alignment(FS);
    assertThat(align).isEqualTo(512);
    double[] whole = chain.apply(x, FS);
    double[] parts = byParts(x, 20 * align, chain.envelopeMargin(FS), align, chain.frameAlignment(FS), false, 30);
    assertThat(parts).hasSameSizeAs(whole);
    assertThat(worst(parts, whole)).isLessThan(1e-9);
    // a margin too short to cover the filters' reach does show at the cuts
    assertThat(worst(byParts(x, 20 * align, align, align, chain.frameAlignment(FS), false, 30), whole))
        .isGreaterThan(1e-6);
  }

  @Test
  void theEogBandInPartsIsTheWholeRecordingsBand() {
    double[] x = recording(600, 6);
    double mean = Arrays.stream(x).sum() / x.length;
    for (double rate : new double[] {30, 128}) {
      int align = EiferChain.alignment(FS, rate);
      int frameAlign = (int) Math.round(align * rate / FS);
      double[] whole = EiferChain.eogBandPart(x, FS, mean, rate);
      double[] parts = byParts(x, 60 * (int) FS, EiferChain.eogMargin(FS), align, frameAlign, true, rate);
      assertThat(worst(parts, whole)).as("at %s Hz", rate).isLessThan(1e-9);
    }
  }
}
