package dev.mimik.signal.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Columns;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalStream;
import dev.mimik.signal.artefact.PopDetector;
import dev.mimik.testing.TestSignal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;


/** The chain on a recording streamed in blocks of any size gives the whole recording's frames. */
class EiferSegmentsTest {

  private static final double FS = 1024;

  private static Signal recording(int seconds) {
    List<Channel> channels = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      double[] x = TestSignal.of((int) (seconds * FS), FS, 10 + c);
      for (int i = 0; i < x.length; i++) {
        double t = i / FS;
        // TestSignal's noise, mains and drift, an offset, wander
        int k = (int) (t / 1.7); // gaze: a 50 ms saccade every 1.7 s between three levels
        double gaze = (k + 2) % 3 + (k % 3 - (k + 2) % 3) * Math.min(1, (t - 1.7 * k) / 0.05);
        x[i] = 0.5 * x[i] + 200 * c + 60 * Math.sin(2 * Math.PI * 0.12 * t) + (c + 1) * 80 * gaze;
        // electrode pops (a 300 uV jump decaying over 0.2 s) every 23 s, one lead at a time, some across a cut
        for (double at = 12.3 + 7 * c; at < seconds; at += 23) {
          if (t >= at) {
            x[i] += 300 * Math.exp(-(t - at) / 0.2);
          }
        }
      }
      channels.add(new Channel("ch" + c, "uV", FS, x));
    }
    return new Signal(channels, 2.5, Optional.empty(), List.of());
  }

  /** {@code whole} in blocks of random sizes. */
  private static SignalStream blocks(Signal whole, long seed) {
    Random random = new Random(seed);
    return SignalStream.of(Path.of("rec.bdf"), whole, () -> 1 + random.nextInt(3000));
  }

  /** The largest difference of columns {@code a} from {@code b}'s channels over each channel's largest value. */
  private static double worst(Columns a, Signal b) {
    assertThat(a.count()).isEqualTo(b.channelCount());
    double e = 0;
    for (int c = 0; c < a.count(); c++) {
      double[] x = a.column(c);
      double[] y = b.channel(c).samples();
      assertThat(x).hasSameSizeAs(y);
      double scale = Arrays.stream(y).map(Math::abs).max().orElse(0);
      assertThat(scale).as("a trace that is not all zero").isPositive();
      for (int i = 0; i < x.length; i++) {
        e = Math.max(e, Math.abs(x[i] - y[i]) / scale);
      }
    }
    return e;
  }

  @Test
  void envelopesEogBandAndSaccadeIntegralStreamedAreTheWholeRecordings() throws Exception {
    Signal whole = recording(420);
    EiferChain chain = EiferChain.sound();
    long[] seed = {1};
    // segments of 300 s of one channel at 1024 Hz hold 2.5 MB: two groups (two channels, then one)
    try (EiferSegments s = EiferSegments.run(chain, () -> blocks(whole, seed[0]++), true, true,
        new double[] {1, 1, 1}, 5.5e6)) {
      assertThat(seed[0]).isEqualTo(4); // the means, then one pass per group
      assertThat(s.startTimeSeconds()).isEqualTo(whole.startTimeSeconds());
      assertThat(s.channels()).extracting(Channel::name).isEqualTo(whole.channelNames());
      assertThat(worst(s.envelopes(), chain.apply(whole))).isLessThan(1e-9);
      assertThat(worst(s.eogBand(), chain.eogBand(whole))).isLessThan(1e-9);
      double[][] integral = new double[3][];
      chain.saccadeIntegral(s.saccadeBands(), (frames, c) -> integral[c] = frames);
      assertThat(worst(Columns.of(integral), chain.saccadeIntegral(whole))).isLessThan(1e-9);
      for (int c = 0; c < 3; c++) {
        assertThat(s.pops().get(c)).hasSizeGreaterThan(10)
            .isEqualTo(PopDetector.standard().detect(whole.channel(c).samples(), FS));
      }
    }
  }

  @Test
  void envelopesAloneNeedOnlyTheShortMargin() throws Exception {
    Signal whole = recording(150);
    EiferChain chain = EiferChain.sound();
    EiferSegments s = EiferSegments.run(chain, () -> blocks(whole, 7), false, false, new double[] {2, Double.NaN, 1});
    assertThat(s.eogBand()).isNull();
    assertThat(s.saccadeBands()).isNull();
    assertThat(worst(s.envelopes(), chain.apply(whole))).isLessThan(1e-9);
    double[] uv = whole.channel(0).samples().clone();
    for (int i = 0; i < uv.length; i++) {
      uv[i] *= 2;
    }
    assertThat(s.pops().get(0)).isNotEmpty().isEqualTo(PopDetector.standard().detect(uv, FS));
    assertThat(s.pops().get(1)).isEmpty();
    assertThat(s.pops().get(2)).isNotEmpty().isEqualTo(PopDetector.standard().detect(whole.channel(2).samples(), FS));
    s.close();
  }

  @Test
  void aValueThatIsNotANumberIsRefusedNamingTheFile() {
    Signal whole = recording(5);
    whole.channel(1).samples()[777] = Double.NaN;
    assertThatThrownBy(() -> EiferSegments.run(EiferChain.sound(), () -> blocks(whole, 3), false, false, null))
        .isInstanceOf(BadInputException.class).hasMessageContaining("rec.bdf").hasMessageContaining("ch1");
  }
}
