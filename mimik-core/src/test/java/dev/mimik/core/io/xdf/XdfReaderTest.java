package dev.mimik.core.io.xdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.Annotation;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks against the values documented in shared/data/xdf/README.md and pyxdf's test_data.py. */
class XdfReaderTest {

  @TempDir Path dir;

  @Test
  void minimalFileListsItsTwoStreamsAsTheReadmeDocumentsThem() throws Exception {
    var streams = XdfReader.streams(SharedData.file("xdf/minimal.xdf"));
    assertThat(streams).containsExactly(
        new XdfStreamInfo(0, "SendDataC", "EEG", 3, 10, "int16", 9, 2),
        new XdfStreamInfo(0x02C0FFEE, "SendDataString", "StringMarker", 1, 10, "string", 9, 0));
  }

  @Test
  void minimalFileHasClockOffsetsApplied() throws Exception {
    Signal s = SignalFormats.standard().read(SharedData.file("xdf/minimal.xdf"));
    assertThat(s.channelNames()).containsExactly("ch0", "ch1", "ch2");
    assertThat(s.samplingRate()).isEqualTo(10.0);
    assertThat(s.channel(0).samples()).containsExactly(192, 12, 13, 14, 15, 12, 13, 14, 15);
    assertThat(s.channel(1).samples()).containsExactly(255, 22, 23, 24, 25, 22, 23, 24, 25);
    assertThat(s.channel(2).samples()).containsExactly(238, 32, 33, 34, 35, 32, 33, 34, 35);
    // time stamps 5.1 .. 5.9 shifted by the clock offset -0.1 (README: before the first measurement, the first
    // clock segment applies)
    assertThat(s.startTimeSeconds()).isCloseTo(5.0, within(1e-9));
    // the string stream has no clock offsets: its stamps stay 5.1 .. 5.9, i.e. 0.1 .. 0.9 after the start
    assertThat(s.annotations()).hasSize(9);
    assertThat(s.annotations().get(1)).isEqualTo(new Annotation(s.annotations().get(1).onsetSeconds(), 0, "Hello"));
    double[] onsets = s.annotations().stream().mapToDouble(Annotation::onsetSeconds).toArray();
    for (int i = 0; i < 9; i++) {
      assertThat(onsets[i]).isCloseTo(0.1 * (i + 1), within(1e-9));
    }
    assertThat(s.annotations().get(0).text()).startsWith("<?xml").contains("<sample_count>9</sample_count>");
    assertThat(s.annotations().stream().map(Annotation::text).skip(1).toList())
        .containsExactly("Hello", "World", "from", "LSL", "Hello", "World", "from", "LSL");
  }

  @Test
  void emptyStreamsAreSkippedAndTheInt32StreamIsRead() throws Exception {
    Signal s = new XdfReader().read(SharedData.file("xdf/empty_streams.xdf"));
    // stream 3 (float32) is empty, stream 4 (int32) has 10 samples 0..9 at 1 Hz
    assertThat(s.channelNames()).containsExactly("ch:00");
    assertThat(s.channel(0).samples()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(s.samplingRate()).isEqualTo(1.0);
    assertThat(s.startTimeSeconds()).isCloseTo(91725.21394789, within(1e-4));
    assertThat(s.annotations()).extracting(Annotation::text).containsExactly("{\"state\": 2}");
    assertThat(s.annotations().get(0).onsetSeconds() + s.startTimeSeconds()).isCloseTo(91725.01400425, within(1e-4));
  }

  @Test
  void clockResetsAreHandledPerClockSegment() throws Exception {
    Signal s = new XdfReader().read(SharedData.file("xdf/clock_resets.xdf"));
    assertThat(s.channelCount()).isEqualTo(8);
    // nominally 100 Hz, but the stamps advance 299.4 s over 27813 intervals (both parts): the measured rate is used
    assertThat(s.samplingRate()).isBetween(92.5, 93.3);
    assertThat(s.channel(0).samples()).hasSize(27815);
    double[] first = Arrays.stream(s.channels().toArray(dev.mimik.core.data.Channel[]::new))
        .mapToDouble(c -> c.samples()[0]).toArray();
    assertThat(first).containsExactly(new double[] {0.142, 0.463, 0.354, 0.220, 0.761, 0.323, 0.312, 0.861},
        within(0.0005));
    double[] last = Arrays.stream(s.channels().toArray(dev.mimik.core.data.Channel[]::new))
        .mapToDouble(c -> c.samples()[27814]).toArray();
    assertThat(last).containsExactly(new double[] {0.873, 0.064, 0.684, 0.153, 0.306, 0.123, 0.711, 0.892},
        within(0.0005));
    // README: the de-jittered first stamp is 653150.314061; before the reset the offset is -652340.284 s
    assertThat(s.startTimeSeconds()).isCloseTo(653150.314061 - 652340.284, within(0.002));
    // markers: 175 samples, all on the recorder's clock, the last (raw 259.653828, after the reset) at +1121.166 s
    // the stream has a 273 s break after the reset (12876 samples before it): one gap annotation marks the join
    java.util.List<Annotation> gaps = s.annotations().stream().filter(a -> a.text().startsWith("XDF gap")).toList();
    assertThat(gaps).hasSize(1);
    assertThat(gaps.get(0).onsetSeconds()).isCloseTo(12876 / s.samplingRate(), within(1e-9));
    double gapSeconds = Double.parseDouble(gaps.get(0).text().replaceAll(".*: ([0-9.]+) s .*", "$1"));
    assertThat(gapSeconds).isBetween(270.0, 276.0);
    java.util.List<Annotation> markers = s.annotations().stream().filter(a -> !gaps.contains(a)).toList();
    assertThat(markers).hasSize(175);
    Annotation lastMarker = markers.get(174);
    assertThat(lastMarker.text()).isEqualTo("XXX");
    assertThat(lastMarker.onsetSeconds() + s.startTimeSeconds()).isCloseTo(259.653828 + 1121.166, within(0.01));
    assertThat(markers.get(0).onsetSeconds() + s.startTimeSeconds())
        .isCloseTo(653153.212188 - 652340.284, within(0.01));
  }

  @Test
  void selectingAStreamByNameKeepsOnlyIt() throws Exception {
    Signal s = new XdfReader("SendDataC").read(SharedData.file("xdf/minimal.xdf"));
    assertThat(s.channelCount()).isEqualTo(3);
    assertThatThrownBy(() -> new XdfReader("nope").read(SharedData.file("xdf/minimal.xdf")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("nope");
  }

  @Test
  void truncatedFileIsRejectedWithItsName() throws Exception {
    byte[] bytes = Files.readAllBytes(SharedData.file("xdf/minimal.xdf"));
    Path file = dir.resolve("cut.xdf");
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 50));
    assertThatThrownBy(() -> SignalFormats.standard().read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file.toString());
  }
}
