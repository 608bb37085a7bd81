package dev.mimik.core.io.edf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.Annotation;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.core.io.SignalStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EdfRoundTripTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = EdfVariant.class, names = {"EDF_PLUS", "BDF_PLUS"})
  void multiRateSignalWithAnnotationsReadsBackWithinHalfAStep(EdfVariant variant) throws IOException {
    Signal original = EdfFixtures.multiRate(7);
    Path file = dir.resolve("rec." + (variant.isBdf() ? "bdf" : "edf"));
    new EdfWriter(variant).write(original, file);

    Signal read = new SignalFormats(List.of(new EdfReader())).read(file);
    EdfHeader header = new EdfReader().readHeader(file);

    assertThat(header.variant()).isEqualTo(variant);
    assertThat(header.recordDuration()).isEqualTo(2.0);
    assertThat(read.channelNames()).containsExactly("EMG1", "EOG-L", "Acc", "Batt");
    assertThat(read.startDateTime()).isEqualTo(original.startDateTime());
    assertThat(read.startTimeSeconds()).isZero();
    assertSameSamples(original, read, header);
    assertSameAnnotations(read.annotations(), original.annotations());
  }

  @ParameterizedTest
  @EnumSource(value = EdfVariant.class, names = {"EDF", "BDF"})
  void plainFilesReadBackWithinHalfAStep(EdfVariant variant) throws IOException {
    Signal original = EdfFixtures.plain(3, 1000, 3);
    Path file = dir.resolve("plain.dat");
    new EdfWriter(variant).write(original, file);

    Signal read = new EdfReader().read(file);
    EdfHeader header = new EdfReader().readHeader(file);

    assertThat(header.variant()).isEqualTo(variant);
    assertThat(header.recordDuration()).isEqualTo(1.0);
    assertSameSamples(original, read, header);
    assertThat(read.annotations()).isEmpty();
  }

  @Test
  void writerUsesTheWholeDigitalRange() throws IOException {
    Signal original = EdfFixtures.multiRate(11);
    Path file = dir.resolve("range.edf");
    new EdfWriter(EdfVariant.EDF_PLUS).write(original, file);
    EdfHeader header = new EdfReader().readHeader(file);
    for (int i = 0; i < original.channelCount(); i++) {
      double[] x = original.channel(i).samples();
      double range = java.util.Arrays.stream(x).max().orElseThrow() - java.util.Arrays.stream(x).min().orElseThrow();
      assertThat(header.signals().get(i).quantum()).isLessThanOrEqualTo(range / 65535 * 1.001);
    }
  }

  @Test
  void startTimeAndNegativeAndLateAnnotationsSurvive() throws IOException {
    Signal base = EdfFixtures.plain(5, 200, 2);
    Signal original = new Signal(base.channels(), 12.5, Optional.empty(),
        List.of(new Annotation(-0.5, 0, "before"), new Annotation(5.0, 1.5, "after the data")));
    Path file = dir.resolve("start.edf");
    new EdfWriter().write(original, file);
    Signal read = new EdfReader().read(file);
    assertThat(read.startTimeSeconds()).isEqualTo(12.5);
    assertThat(read.startDateTime()).isEmpty();
    assertSameAnnotations(read.annotations(), original.annotations());
  }

  @Test
  void discontinuousFileHasItsGapsFilledWithZerosAndMarked() throws IOException {
    Signal original = EdfFixtures.plain(9, 256, 4);
    Path file = dir.resolve("gaps.edf");
    new EdfWriter(EdfVariant.EDF_PLUS).write(original, file);
    EdfHeader header = new EdfReader().readHeader(file);
    byte[] bytes = Files.readAllBytes(file);
    System.arraycopy("EDF+D".getBytes(StandardCharsets.US_ASCII), 0, bytes, 192, 5);
    // records 3 and 4 start at 5 s and 6 s instead of 2 s and 3 s: a 3-second gap
    long tals = header.headerBytes() + 2L * 256 * 2;
    for (int r = 2; r < 4; r++) {
      int at = (int) (tals + r * header.recordBytes());
      assertThat(new String(bytes, at, 2, StandardCharsets.US_ASCII)).isEqualTo("+" + r);
      bytes[at + 1] = (byte) ('0' + r + 3);
    }
    Files.write(file, bytes);

    Signal read = new EdfReader().read(file);

    double[] x = original.channel(0).samples();
    double[] y = read.channel(0).samples();
    double quantum = header.signals().get(0).quantum();
    assertThat(y).hasSize(7 * 256);
    for (int i = 0; i < 2 * 256; i++) {
      assertThat(y[i]).isCloseTo(x[i], within(quantum / 2 + 1e-9));
      assertThat(y[i + 5 * 256]).isCloseTo(x[i + 2 * 256], within(quantum / 2 + 1e-9));
    }
    assertThat(java.util.Arrays.copyOfRange(y, 2 * 256, 5 * 256)).containsOnly(0.0);
    assertThat(read.annotations()).containsExactly(new Annotation(2.0, 3.0, EdfReader.GAP_ANNOTATION));
    try (SignalStream stream = new EdfReader().open(file)) {
      assertThat(stream.readAll().channel(0).samples()).containsExactly(y);
    }
  }

  /**
   * Opened as a stream, a recording comes a second or so at a time, every channel at its own rate, and the blocks put
   * together are the recording read whole, annotations included.
   */
  @ParameterizedTest
  @EnumSource(value = EdfVariant.class, names = {"EDF_PLUS", "BDF_PLUS"})
  void aStreamDeliversTheWholeRecordingASecondAtATime(EdfVariant variant) throws IOException {
    Signal original = EdfFixtures.multiRate(12);
    Path file = dir.resolve("stream-" + variant.name() + ".edf");
    new EdfWriter(variant).write(original, file);
    Signal whole = new EdfReader().read(file);
    double blockSeconds = Math.max(1, new EdfReader().readHeader(file).recordDuration());
    try (SignalStream stream = new EdfReader().open(file)) {
      assertThat(stream.channelNames()).isEqualTo(whole.channelNames());
      assertThat(stream.startTimeSeconds()).isEqualTo(whole.startTimeSeconds());
      int[] at = new int[whole.channelCount()];
      int blocks = 0;
      for (double[][] block = stream.next(); block != null; block = stream.next()) {
        blocks++;
        for (int c = 0; c < block.length; c++) {
          Channel channel = whole.channel(c);
          assertThat(block[c].length).isLessThanOrEqualTo((int) Math.ceil(channel.samplingRate() * blockSeconds));
          assertThat(block[c]).containsExactly(java.util.Arrays.copyOfRange(channel.samples(), at[c],
              at[c] + block[c].length));
          at[c] += block[c].length;
        }
      }
      for (int c = 0; c < at.length; c++) {
        assertThat(at[c]).isEqualTo(whole.channel(c).samples().length);
      }
      assertThat(blocks).isGreaterThan(1);
      assertThat(stream.annotations()).isEqualTo(whole.annotations());
    }
  }

  @Test
  void plainEdfRefusesAnnotationsRatherThanDroppingThem() {
    Signal withNotes = EdfFixtures.multiRate(1);
    Path file = dir.resolve("plain.edf");
    assertThatThrownBy(() -> new EdfWriter(EdfVariant.EDF).write(withNotes, file))
        .isInstanceOf(BadInputException.class).hasMessageContaining("annotations");
    assertThat(file).doesNotExist();
  }

  @Test
  void nonFiniteSampleIsRefusedAndLeavesNoFile() {
    double[] x = {1, 2, Double.NaN, 4};
    Signal bad = Signal.of(List.of(new Channel("C", "uV", 4, x)));
    Path file = dir.resolve("nan.edf");
    assertThatThrownBy(() -> new EdfWriter().write(bad, file))
        .isInstanceOf(BadInputException.class).hasMessageContaining("non-finite");
    assertThat(file).doesNotExist();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void truncatedEdfIsRejectedWithItsFileName() throws IOException {
    Path file = dir.resolve("cut.edf");
    new EdfWriter().write(EdfFixtures.multiRate(2), file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    assertThatThrownBy(() -> new EdfReader().read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("truncated");
  }

  @Test
  void headerNumberThatDoesNotParseIsNamed() throws IOException {
    Path file = dir.resolve("bad.edf");
    new EdfWriter().write(EdfFixtures.multiRate(2), file);
    byte[] bytes = Files.readAllBytes(file);
    System.arraycopy("12x4    ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 236, 8);
    Files.write(file, bytes);
    assertThatThrownBy(() -> new EdfReader().read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(file + ": the number of data records '12x4' is not a whole number");
  }

  @Test
  void recordCountThatDisagreesWithTheFileSizeIsRejected() throws IOException {
    Path file = dir.resolve("count.edf");
    new EdfWriter().write(EdfFixtures.multiRate(2), file);
    byte[] bytes = Files.readAllBytes(file);
    System.arraycopy("6       ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 236, 8);
    Files.write(file, bytes);
    assertThatThrownBy(() -> new EdfReader().read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("says 6 data records")
        .hasMessageContaining("truncated");
  }

  @Test
  void recognisesEdfAndBdfByContentNotName() throws IOException {
    Path edf = dir.resolve("a.txt");
    Path bdf = dir.resolve("b.csv");
    new EdfWriter(EdfVariant.EDF_PLUS).write(EdfFixtures.plain(1, 100, 1), edf);
    new EdfWriter(EdfVariant.BDF).write(EdfFixtures.plain(1, 100, 1), bdf);
    assertThat(SignalFormats.standard().readerFor(edf)).containsInstanceOf(EdfReader.class);
    assertThat(SignalFormats.standard().readerFor(bdf)).containsInstanceOf(EdfReader.class);
    assertThat(new EdfReader().recognises(edf, "time_s,EMG1\n".getBytes(StandardCharsets.US_ASCII))).isFalse();
  }

  static void assertSameSamples(Signal original, Signal read, EdfHeader header) {
    assertThat(read.channelCount()).isEqualTo(original.channelCount());
    for (int i = 0; i < original.channelCount(); i++) {
      Channel a = original.channel(i);
      Channel b = read.channel(i);
      double halfStep = header.signals().get(i).quantum() / 2;
      assertThat(b.name()).isEqualTo(a.name());
      assertThat(b.unit()).isEqualTo(a.unit());
      assertThat(b.samplingRate()).isEqualTo(a.samplingRate());
      assertThat(b.samples()).hasSameSizeAs(a.samples());
      for (int j = 0; j < a.samples().length; j++) {
        assertThat(b.samples()[j]).as("%s[%d]", a.name(), j)
            .isCloseTo(a.samples()[j], within(halfStep * (1 + 1e-9) + 1e-12));
      }
    }
  }

  static void assertSameAnnotations(List<Annotation> actual, List<Annotation> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).text()).isEqualTo(expected.get(i).text());
      assertThat(actual.get(i).onsetSeconds()).isCloseTo(expected.get(i).onsetSeconds(), within(1e-9));
      assertThat(actual.get(i).durationSeconds()).isCloseTo(expected.get(i).durationSeconds(), within(1e-9));
    }
  }
}
