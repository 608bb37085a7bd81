package dev.mimik.core.io.edf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimik.core.data.Annotation;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.testing.PythonOracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks our files against independent implementations: MNE-Python reads what we write, biosig's save2gdf reads
 * what we write, and we read what save2gdf writes. Skips when a tool is absent ({@code .ci/install-test-tools}
 * installs them).
 */
class EdfCrossCheckTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = EdfVariant.class, names = {"EDF_PLUS", "BDF_PLUS"})
  void mneReadsOurValuesRatesAndAnnotations(EdfVariant variant) throws IOException {
    Optional<String> python = PythonOracle.interpreterWith("mne");
    Assumptions.assumeTrue(python.isPresent(), "MNE-Python is not installed (apt-get install python3-mne)");
    Signal original = EdfFixtures.multiRate(21);
    Path file = dir.resolve("ours." + (variant.isBdf() ? "bdf" : "edf"));
    new EdfWriter(variant).write(original, file);
    EdfHeader header = new EdfReader().readHeader(file);

    Path script = dir.resolve("mne_read.py");
    try (InputStream in = getClass().getResourceAsStream("mne_read.py")) {
      Files.write(script, in.readAllBytes());
    }
    ExternalTool.Result r = ExternalTool.run(120, python.get(), script.toString(), file.toString()).orElseThrow();
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode mne = new ObjectMapper().readTree(r.stdout());

    assertThat(mne.get("meas_date").asText()).isEqualTo("2024-03-05T14:30:15");
    JsonNode channels = mne.get("channels");
    assertThat(channels).hasSize(original.channelCount());
    for (int i = 0; i < original.channelCount(); i++) {
      Channel c = original.channel(i);
      JsonNode m = channels.get(i);
      assertThat(m.get("name").asText()).isEqualTo(c.name());
      assertThat(m.get("unit").asText().replace('\u00b5', 'u')).isEqualTo(c.unit());
      assertThat(m.get("sfreq").asDouble()).isEqualTo(c.samplingRate());
      JsonNode data = m.get("data");
      assertThat(data).hasSize(c.samples().length);
      double halfStep = header.signals().get(i).quantum() / 2;
      for (int j = 0; j < c.samples().length; j++) {
        assertThat(data.get(j).asDouble()).as("%s[%d]", c.name(), j)
            .isCloseTo(c.samples()[j], within(halfStep * 1.000001 + 1e-9));
      }
    }
    JsonNode notes = mne.get("annotations");
    assertThat(notes).hasSize(original.annotations().size());
    for (int i = 0; i < notes.size(); i++) {
      Annotation a = original.annotations().get(i);
      assertThat(notes.get(i).get(0).asDouble()).isCloseTo(a.onsetSeconds(), within(1e-9));
      assertThat(notes.get(i).get(1).asDouble()).isCloseTo(a.durationSeconds(), within(1e-9));
      assertThat(notes.get(i).get(2).asText()).isEqualTo(a.text());
    }
  }

  @Test
  void biosigReadsOurHeaderAndEvents() throws IOException {
    Assumptions.assumeTrue(ExternalTool.available("save2gdf", "-v"),
        "biosig's save2gdf is not installed (apt-get install biosig-tools)");
    Signal original = EdfFixtures.multiRate(5);
    Path file = dir.resolve("ours.edf");
    new EdfWriter(EdfVariant.EDF_PLUS).write(original, file);

    ExternalTool.Result r = ExternalTool.run(60, "save2gdf", "-JSON", file.toString()).orElseThrow();
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode biosig = new ObjectMapper().readTree(r.stdout().substring(r.stdout().indexOf('{')));

    JsonNode channels = biosig.get("CHANNEL");
    for (int i = 0; i < original.channelCount(); i++) {
      assertThat(channels.get(i).get("Label").asText()).isEqualTo(original.channel(i).name());
      assertThat(channels.get(i).get("Samplingrate").asDouble()).isEqualTo(original.channel(i).samplingRate());
      assertThat(channels.get(i).get("PhysicalUnit").asText()).isEqualTo(original.channel(i).unit());
    }
    JsonNode events = biosig.get("EVENT");
    assertThat(events).hasSize(original.annotations().size());
    for (int i = 0; i < events.size(); i++) {
      Annotation a = original.annotations().get(i);
      assertThat(events.get(i).get("POS").asDouble()).isCloseTo(a.onsetSeconds(), within(1e-6));
      assertThat(events.get(i).get("DUR").asDouble()).isCloseTo(a.durationSeconds(), within(1e-6));
    }
  }

  /**
   * biosig converts our BDF+ into an EDF of its own making (its own ranges and header); we read that back. biosig
   * writes the record duration with 7 digits (2/256 s as 0.0078122), so its rates are off by up to 1e-4.
   */
  @Test
  void weReadEdfWrittenByBiosig() throws IOException {
    Assumptions.assumeTrue(ExternalTool.available("save2gdf", "-v"),
        "biosig's save2gdf is not installed (apt-get install biosig-tools)");
    Signal original = new Signal(List.of(EdfFixtures.channel("EMG1", "uV", 256, 4, 100, new java.util.Random(3)),
        EdfFixtures.channel("Acc", "mV", 128, 4, 3, new java.util.Random(4))), 0, Optional.empty(), List.of());
    Path ours = dir.resolve("ours.bdf");
    Path theirs = dir.resolve("theirs.edf");
    new EdfWriter(EdfVariant.BDF_PLUS).write(original, ours);
    ExternalTool.Result r = ExternalTool.run(60, "save2gdf", "-f=EDF", ours.toString(), theirs.toString())
        .orElseThrow();
    assertThat(r.exitCode()).as(r.stderr()).isZero();

    Signal read = new EdfReader().read(theirs);
    EdfHeader header = new EdfReader().readHeader(theirs);

    assertThat(read.channelNames()).containsExactly("EMG1", "Acc");
    for (int i = 0; i < original.channelCount(); i++) {
      Channel a = original.channel(i);
      Channel b = read.channel(i);
      assertThat(b.unit()).isEqualTo(a.unit());
      assertThat(b.samplingRate()).isCloseTo(a.samplingRate(), within(a.samplingRate() * 1e-4));
      assertThat(b.samples()).hasSameSizeAs(a.samples());
      double range = Arrays.stream(a.samples()).max().orElseThrow() - Arrays.stream(a.samples()).min().orElseThrow();
      // their quantisation, plus the physical extremes they cut to fit 8 characters
      double tolerance = header.signals().get(i).quantum() + range * 1e-5;
      for (int j = 0; j < a.samples().length; j++) {
        assertThat(b.samples()[j]).as("%s[%d]", a.name(), j).isCloseTo(a.samples()[j], within(tolerance));
      }
    }
  }
}
