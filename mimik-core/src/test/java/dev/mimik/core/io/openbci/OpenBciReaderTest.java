package dev.mimik.core.io.openbci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenBciReaderTest {

  private static final String REAL = "openbci/OpenBCI_GUI-v6-blinks-jawClench-alpha.txt";

  @TempDir Path dir;

  @Test
  void realCytonRecordingGivesEightMicrovoltChannelsAt250Hz() throws Exception {
    Path file = SharedData.file(REAL);
    Signal s = SignalFormats.standard().read(file);
    assertThat(s.channelNames()).containsExactly(
        "EXG Channel 0", "EXG Channel 1", "EXG Channel 2", "EXG Channel 3",
        "EXG Channel 4", "EXG Channel 5", "EXG Channel 6", "EXG Channel 7");
    assertThat(s.samplingRate()).isEqualTo(250.0);
    for (Channel c : s.channels()) {
      assertThat(c.unit()).isEqualTo("uV");
      assertThat(c.samples()).hasSize(22490);
    }
    // first and last rows, and column means computed with numpy.genfromtxt
    assertThat(s.channel(0).samples()[0]).isEqualTo(61379.36);
    assertThat(s.channel(7).samples()[0]).isEqualTo(1740.11);
    assertThat(s.channel(3).samples()[22489]).isEqualTo(-27123.57);
    double[] means = {62052.05301423, 49483.12342419, -16894.98232014, -24637.81301601,
        -2401.91951712, -12709.96499733, -337.35999511, -3600.22588573};
    for (int k = 0; k < 8; k++) {
      assertThat(Arrays.stream(s.channel(k).samples()).average().orElseThrow()).isCloseTo(means[k], within(1e-6));
    }
  }

  @Test
  void repeatedNamesOfIgnoredColumnsAreAccepted() throws Exception {
    Path file = write("%OpenBCI Raw EXG Data\n%Sample Rate = 200 Hz\n"
        + "Sample Index, EXG Channel 0, Not Used, EXG Channel 1, Not Used, Other, Other\n"
        + "0, 1.5, 0, -2.5, 0, x, y\n1, 3.0, 0, 4.0, 0, x, y\n");
    Signal s = new OpenBciReader().read(file);
    assertThat(s.channelNames()).containsExactly("EXG Channel 0", "EXG Channel 1");
    assertThat(s.samplingRate()).isEqualTo(200.0);
    assertThat(s.channel(1).samples()).containsExactly(-2.5, 4.0);
  }

  @Test
  void missingSampleRateIsRejectedWithTheFileName() throws Exception {
    Path file = write("%OpenBCI Raw EXG Data\nSample Index, EXG Channel 0\n0, 1\n");
    assertThatThrownBy(() -> new OpenBciReader().read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("Sample Rate");
  }

  @Test
  void shortRowIsRejectedWithItsLineNumber() throws Exception {
    Path file = write("%OpenBCI Raw EXG Data\n%Sample Rate = 250 Hz\nSample Index, EXG Channel 0, Other\n"
        + "0, 1, 2\n1, 2\n");
    assertThatThrownBy(() -> new OpenBciReader().read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 5");
  }

  @Test
  void nonNumericSampleIsRejected() throws Exception {
    Path file = write("%OpenBCI Raw EXG Data\n%Sample Rate = 250 Hz\nSample Index, EXG Channel 0\n0, abc\n");
    assertThatThrownBy(() -> new OpenBciReader().read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("EXG Channel 0");
  }

  private Path write(String text) throws Exception {
    Path file = dir.resolve("rec.txt");
    Files.writeString(file, text);
    return file;
  }
}
