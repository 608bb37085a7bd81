package dev.mimik.lab.eifer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.edf.EdfVariant;
import dev.mimik.core.io.edf.EdfWriter;
import dev.mimik.testing.TestSignal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mimik emg apply} reads a raw recording in blocks ({@link EmgInputs#streamed}); its inputs are those of the
 * recording read whole: envelopes, EOG band and saccade integral within 1e-9 of their largest value, the same
 * electrode pops and clean frames.
 */
class EmgInputsStreamedTest {

  private static final double FS = 1024;

  @Test
  void aRecordingReadInBlocksGivesTheInputsOfTheWholeRecording(@TempDir Path dir) throws Exception {
    List<Channel> channels = new ArrayList<>();
    int n = (int) (300 * FS);
    for (int c = 0; c < 4; c++) {
      double[] x = TestSignal.of(n, FS, 40 + c);
      for (int i = 0; i < n; i++) {
        double t = i / FS;
        int k = (int) (t / 1.3); // a 50 ms saccade every 1.3 s between three gaze levels
        double gaze = (k + 2) % 3 + (k % 3 - (k + 2) % 3) * Math.min(1, (t - 1.3 * k) / 0.05);
        x[i] = 0.5 * x[i] + 100 * c + (c + 1) * 60 * gaze;
        for (double at = 20.1 + 9 * c; at < 300; at += 31) { // electrode pops, some across the 60 s cuts
          x[i] += t >= at ? 250 * Math.exp(-(t - at) / 0.15) : 0;
        }
      }
      channels.add(new Channel("lead" + c, "uV", FS, x));
    }
    Path file = dir.resolve("rec.bdf");
    new EdfWriter(EdfVariant.BDF).write(new Signal(channels, 0, Optional.empty(), List.of()), file);
    List<String> names = List.of("lead3", "lead0", "lead2");
    EmgInputs inputs = new EmgInputs("eifer", 0);
    List<String> warnings = new ArrayList<>();

    EmgInputs.Streamed s = inputs.streamed(file, null, names, true, true, warnings::add);

    Signal raw = EmgInputs.read(file, null);
    double[][] env = EmgInputs.rows(file, inputs.envelopes(file, raw), names);
    assertThat(worst(all(s.envelopes()), env)).isLessThan(1e-9);
    assertThat(worst(all(s.eog()), EmgInputs.rows(file, inputs.eogBand(file, raw), names))).isLessThan(1e-9);
    assertThat(worst(all(s.saccades()), EmgInputs.rows(file, inputs.saccadeIntegral(file, raw), names)))
        .isLessThan(1e-9);
    EmgInputs.Pops pops = inputs.pops(file, raw, names, env.length, warnings::add);
    assertThat(s.pops().count()).isGreaterThan(20);
    assertThat(s.pops().perChannel()).isEqualTo(pops.perChannel());
    assertThat(s.pops().clean()).isDeepEqualTo(pops.clean());
    assertThat(s.startTimeSeconds()).isEqualTo(0);
    assertThat(s.rate()).isEqualTo(30);
    assertThat(warnings).isEmpty();
    s.close();
  }

  private static double[][] all(dev.mimik.core.data.Columns c) {
    return c.rows(0, c.length());
  }

  /** The largest difference over the largest magnitude of each column. */
  private static double worst(double[][] a, double[][] b) {
    assertThat(a.length).isEqualTo(b.length);
    double e = 0;
    for (int c = 0; c < b[0].length; c++) {
      double scale = 0;
      double d = 0;
      for (int f = 0; f < b.length; f++) {
        scale = Math.max(scale, Math.abs(b[f][c]));
        d = Math.max(d, Math.abs(a[f][c] - b[f][c]));
      }
      assertThat(scale).isPositive();
      e = Math.max(e, d / scale);
    }
    return e;
  }
}
