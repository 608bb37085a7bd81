package dev.mimik.core.io.xdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XDF files written by {@link XdfBuilder} with known values, formats and clock drift. */
class XdfSyntheticTest {

  @TempDir Path dir;

  @Test
  void everyNumericFormatIsReadAndDriftingClockOffsetsAreFittedLinearly() throws Exception {
    String[] formats = {"int8", "int16", "int32", "int64", "float32", "double64"};
    double[] expect = {-7, -30000, 2_000_000_000, 1L << 40, 0.25, Math.PI};
    XdfBuilder xdf = new XdfBuilder();
    for (int f = 0; f < formats.length; f++) {
      xdf.header(f + 1, "S" + f, 1, 100, formats[f],
          "<channels><channel><label>c</label><unit>microvolts</unit></channel></channels>");
    }
    Random rnd = new Random(3);
    for (int f = 0; f < formats.length; f++) {
      // stream f starts f * 0.1 s later; every other stamp is deduced from the nominal rate
      double[] stamps = new double[200];
      double[][] values = new double[200][1];
      for (int i = 0; i < 200; i++) {
        stamps[i] = i % 2 == 0 ? 1000 + f * 0.1 + i * 0.01 : Double.NaN;
        values[i][0] = expect[f];
      }
      xdf.samples(f + 1, formats[f], stamps, values);
      // offset drifts linearly: 0.5 s + 1 ms per second, measured every 5 s with 20 microsecond noise
      for (double t = 990; t <= 1010; t += 5) {
        xdf.clockOffset(f + 1, t, 0.5 + 1e-3 * (t - 1000) + 2e-5 * rnd.nextGaussian());
      }
      xdf.footer(f + 1);
    }
    Path file = dir.resolve("all.xdf");
    Files.write(file, xdf.bytes());

    Signal s = new XdfReader().read(file);
    assertThat(s.channelNames()).containsExactly("S0/c", "S1/c", "S2/c", "S3/c", "S4/c", "S5/c");
    for (int f = 0; f < formats.length; f++) {
      assertThat(s.channel(f).unit()).isEqualTo("uV");
      assertThat(s.channel(f).samples()[0]).isEqualTo(expect[f]);
      // aligned on the last stream's start: stream f loses (5 - f) * 10 samples (the drift adds 0.1 ms each)
      assertThat(s.channel(f).samples()).hasSize(200 - (5 - f) * 10);
    }
    // last stream's first stamp 1000.5 -> 1000.5 + 0.5 + 0.001 * 0.5
    assertThat(s.startTimeSeconds()).isCloseTo(1000.5 + 0.5 + 0.0005, within(1e-4));
  }

  @Test
  void irregularStreamGetsItsMeasuredRate() throws Exception {
    double[] stamps = new double[50];
    double[][] values = new double[50][2];
    for (int i = 0; i < 50; i++) {
      stamps[i] = 10 + i * 0.04;
      values[i][0] = i;
      values[i][1] = -i;
    }
    XdfBuilder xdf = new XdfBuilder()
        .header(7, "Irregular", 2, 0, "double64", "")
        .samples(7, "double64", stamps, values)
        .header(8, "Markers", 1, 0, "string", "")
        .stringSample(8, 10.5, "blink");
    Path file = dir.resolve("irr.xdf");
    Files.write(file, xdf.bytes());

    Signal s = new XdfReader().read(file);
    assertThat(s.channelNames()).containsExactly("ch0", "ch1");
    assertThat(s.samplingRate()).isCloseTo(25, within(1e-9));
    assertThat(s.channel(1).samples()[49]).isEqualTo(-49);
    assertThat(s.startTimeSeconds()).isEqualTo(10.0);
    assertThat(s.annotations()).hasSize(1);
    assertThat(s.annotations().get(0).text()).isEqualTo("blink");
    assertThat(s.annotations().get(0).onsetSeconds()).isCloseTo(0.5, within(1e-12));
  }
}
