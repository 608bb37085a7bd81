package dev.mimik.signal.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.data.Annotation;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.TextTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BipolarPairsTest {

  @TempDir Path dir;

  private static final Path RECORDING = Path.of("rec.bdf");

  private static Channel electrode(String name, String unit, long seed) {
    Random r = new Random(seed);
    double[] x = new double[500];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1000 * r.nextGaussian();
    }
    return new Channel(name, unit, 2048, x);
  }

  private static BipolarPairs read(Path file) throws Exception {
    return BipolarPairs.parse(TextTable.read(file));
  }

  private Path pairs(String text) throws Exception {
    Path f = dir.resolve("pairs.csv");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void eachLeadIsItsPlusElectrodeMinusItsMinusElectrodeInThePairsOrder() throws Exception {
    Channel a = electrode("EXG1", "uV", 1);
    Channel b = electrode("EXG2", "uV", 2);
    Channel c = electrode("EXG3", "uV", 3);
    Channel status = electrode("Status", "Boolean", 4);
    Signal rec = new Signal(List.of(a, b, c, status), 12.5, Optional.empty(), List.of(new Annotation(1, 0, "smile")));
    BipolarPairs p = read(pairs("channel,plus,minus\nZyg li,EXG3,EXG1\n\nCorr li , EXG1 , EXG2\n"));
    Signal leads = p.apply(RECORDING, rec);
    assertThat(leads.channelNames()).containsExactly("Zyg li", "Corr li");
    assertThat(leads.startTimeSeconds()).isEqualTo(12.5);
    assertThat(leads.annotations()).isEqualTo(rec.annotations());
    for (int i = 0; i < a.samples().length; i++) {
      assertThat(leads.channel(0).samples()[i]).isEqualTo(c.samples()[i] - a.samples()[i]);
      assertThat(leads.channel(1).samples()[i]).isEqualTo(a.samples()[i] - b.samples()[i]);
    }
    assertThat(leads.channel(0).unit()).isEqualTo("uV");
    assertThat(leads.channel(0).samplingRate()).isEqualTo(2048);
  }

  @Test
  void theMinusElectrodeIsBroughtToThePlusElectrodesUnit() throws Exception {
    Channel plus = electrode("A", "mV", 5);
    Channel minus = electrode("B", "uV", 6);
    Signal leads = read(pairs("channel,plus,minus\nL,A,B\n")).apply(RECORDING,
        Signal.of(List.of(plus, minus)));
    assertThat(leads.channel(0).unit()).isEqualTo("mV");
    assertThat(leads.channel(0).samples()[7]).isCloseTo(plus.samples()[7] - minus.samples()[7] / 1000,
        org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void aMissingElectrodeNamesTheRecordingTheElectrodeAndThePairsFile() throws Exception {
    Path f = pairs("channel,plus,minus\nL,A,Nowhere\n");
    Signal rec = Signal.of(List.of(electrode("A", "uV", 1)));
    assertThatThrownBy(() -> read(f).apply(RECORDING, rec)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("rec.bdf").hasMessageContaining("Nowhere").hasMessageContaining(f.toString());
  }

  @Test
  void electrodesOfDifferentRatesOrIncompatibleUnitsAreRefused() throws Exception {
    Path f = pairs("channel,plus,minus\nL,A,B\n");
    Channel a = electrode("A", "uV", 1);
    Signal rates = Signal.of(List.of(a, new Channel("B", "uV", 1024, a.samples())));
    assertThatThrownBy(() -> read(f).apply(RECORDING, rates)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("differ in rate");
    Signal units = Signal.of(List.of(a, new Channel("B", "degC", 2048, a.samples())));
    assertThatThrownBy(() -> read(f).apply(RECORDING, units)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("degC");
  }

  @Test
  void badPairsFilesAreRefusedWithTheLine() throws Exception {
    assertThatThrownBy(() -> read(pairs("lead,a,b\nL,A,B\n"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("header channel,plus,minus");
    assertThatThrownBy(() -> read(pairs("channel,plus,minus\nL,A\n")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("line 2");
    assertThatThrownBy(() -> read(pairs("channel,plus,minus\nL,A,B\nL,C,D\n")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("line 3").hasMessageContaining("twice");
    assertThatThrownBy(() -> read(pairs("channel,plus,minus\nL,A,A\n")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("both sides");
    assertThatThrownBy(() -> read(pairs("channel,plus,minus\n\n")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no lead");
  }

  @Test
  void corruptedPairsFilesFailOnlyWithBadInputNamingTheFile() throws Exception {
    byte[] valid = "channel,plus,minus\nZyg li,EXG3,EXG1\n\nCorr li , EXG1 , EXG2\nMent re,EXG4,EXG5\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Random rnd = new Random(31);
    int rejected = dev.mimik.testing.Corruptions.requireCleanFailures(dir.resolve("f.csv"), 300,
        round -> dev.mimik.testing.Corruptions.corrupt(valid, rnd), BipolarPairsTest::read, BadInputException.class);
    assertThat(rejected).isPositive();
  }
}
