package dev.mimik.core.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSignalTest {

  @TempDir Path dir;

  @Test
  void writtenSignalReadsBackExactly() throws Exception {
    Random rnd = new Random(7);
    double[] a = new double[1000];
    double[] b = new double[1000];
    for (int i = 0; i < a.length; i++) {
      a[i] = rnd.nextGaussian() * 50;
      b[i] = rnd.nextGaussian() * 1e-4; // volts: written as microvolts
    }
    Signal signal = new Signal(List.of(new Channel("EMG1", "uV", 512, a), new Channel("EOG", "V", 512, b)),
        2.5, Optional.empty(), List.of());
    Path file = dir.resolve("s.csv");
    new CsvSignalWriter().write(signal, file);

    Signal back = SignalFormats.standard().read(file);
    assertThat(back.channelNames()).containsExactly("EMG1", "EOG");
    assertThat(back.samplingRate()).isCloseTo(512, within(1e-9));
    assertThat(back.startTimeSeconds()).isEqualTo(2.5);
    assertThat(back.channel(0).samples()).containsExactly(a);
    assertThat(back.channel(1).unit()).isEqualTo("uV");
    for (int i = 0; i < b.length; i++) {
      assertThat(back.channel(1).samples()[i]).isCloseTo(b[i] * 1e6, within(1e-9));
    }
  }

  @Test
  void handWrittenFileIsRead() throws Exception {
    Path file = dir.resolve("h.csv");
    Files.writeString(file, "time_s, left, right\n0.000, 1, 2\n0.004, 3, 4\n0.008, 5, 6\n");
    Signal s = new CsvSignalReader().read(file);
    assertThat(s.samplingRate()).isCloseTo(250, within(1e-9));
    assertThat(s.channel("right").orElseThrow().samples()).containsExactly(2, 4, 6);
  }

  @Test
  void unevenTimesAreRejected() throws Exception {
    Path file = dir.resolve("u.csv");
    Files.writeString(file, "time_s,a\n0,1\n0.1,1\n0.5,1\n");
    assertThatThrownBy(() -> new CsvSignalReader().read(file))
        .isInstanceOf(BadInputException.class).hasMessageContaining(file.toString())
        .hasMessageContaining("evenly spaced");
  }

  @Test
  void decreasingTimeIsRejectedWithItsLine() throws Exception {
    Path file = dir.resolve("d.csv");
    Files.writeString(file, "time_s,a\n0,1\n0.1,1\n0.05,1\n");
    assertThatThrownBy(() -> new CsvSignalReader().read(file))
        .isInstanceOf(BadInputException.class).hasMessageContaining("line 4");
  }

  @Test
  void writerLeavesNoFileWhenASampleIsNotFinite() throws Exception {
    Path file = dir.resolve("n.csv");
    Signal s = Signal.of(List.of(new Channel("a", "uV", 10, new double[] {1, Double.NaN})));
    assertThatThrownBy(() -> new CsvSignalWriter().write(s, file)).isInstanceOf(BadInputException.class);
    assertThat(file).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
