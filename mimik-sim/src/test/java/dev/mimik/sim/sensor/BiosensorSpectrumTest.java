package dev.mimik.sim.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Signal;
import dev.mimik.sim.Fixtures;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.performance.Performer;
import dev.mimik.sim.performance.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BiosensorSpectrumTest {

  private static final double FS = 1000;

  @Test
  void emgPowerLiesMostlyBetween20And450HzWithItsPeakBetween50And150() {
    Signal s = new Biosensor(Montage.fridlund(), FS)
        .record(Fixtures.typical(), Fixtures.holding(Expression.HAPPY.apex(), 8), 3, Components.emgOnly());
    double[] psd = powerSpectrum(s.channel("OrbOr li").orElseThrow().samples());
    assertThat(fraction(psd, 20, 450)).isGreaterThan(0.9);
    assertThat(peakHz(psd)).isBetween(50.0, 150.0);
  }

  @Test
  void emgAmplitudeFollowsActivation() {
    Biosensor sensor = new Biosensor(Montage.fridlund(), FS);
    double[] half = Fixtures.rest();
    half[dev.mimik.core.data.Blendshapes.indexOf("mouthSmileLeft")] = 0.5;
    double[] full = Fixtures.rest();
    full[dev.mimik.core.data.Blendshapes.indexOf("mouthSmileLeft")] = 1.0;
    double rest = FridlundCalibrationTest.rms(sensor.record(Fixtures.typical(), Fixtures.holding(Fixtures.rest(), 4),
        1, Components.emgOnly()).channel("Zyg li").orElseThrow().samples());
    double a = FridlundCalibrationTest.rms(sensor.record(Fixtures.typical(), Fixtures.holding(half, 4), 1,
        Components.emgOnly()).channel("Zyg li").orElseThrow().samples());
    double b = FridlundCalibrationTest.rms(sensor.record(Fixtures.typical(), Fixtures.holding(full, 4), 1,
        Components.emgOnly()).channel("Zyg li").orElseThrow().samples());
    assertThat(a / b).isBetween(0.47, 0.55);
    assertThat(rest / b).isLessThan(0.05);
    // a 10 mm bipolar lead centred on the muscle sees 79 % of its source amplitude (the near field at 5 mm; the
    // far field is common to both electrodes and cancels), plus a little crosstalk
    assertThat(b / dev.mimik.sim.muscle.Muscle.ZYGOMATICUS_MAJOR.microvoltsAtFull()).isBetween(0.72, 0.86);
  }

  @Test
  void theEarpieceSeesEveryExpressionAboveRestAndOnAverageAboveTheElectrodeNoise() {
    Biosensor sensor = new Biosensor(Montage.earpiece(), FS);
    double rest = 0;
    double sum = 0;
    for (Expression e : Expression.values()) {
      Signal s = sensor.record(Fixtures.typical(), Fixtures.holding(e.apex(), 3), 1, Components.emgOnly());
      double loudest = Math.max(FridlundCalibrationTest.rms(s.channel(0).samples()),
          FridlundCalibrationTest.rms(s.channel(1).samples()));
      System.out.printf(Locale.ROOT, "earpiece EMG at %s apex: %.2f uV%n", e.label(), loudest);
      if (e == Expression.NEUTRAL) {
        rest = loudest;
      } else {
        assertThat(loudest).as(e.label()).isGreaterThan(5 * rest);
        sum += loudest;
      }
    }
    assertThat(sum / (Expression.values().length - 1)).isGreaterThan(Fixtures.typical().electrodeNoiseUv());
  }

  @Test
  void artefactsArePopsAndMotionWhileTheRestIsQuiet() {
    Participant dry = new Participant("dry", 3, new double[0], 0, 50, 2, 1, 1, 17, 0.25, 1, 60);
    Performance perf = new Performer(120).perform(dry, Protocol.bioFace3d(), 600, 2);
    assertThat(perf.segments()).anyMatch(s -> s.label().equals("head_move"));
    Signal s = new Biosensor(Montage.earpiece(), FS).record(dry, perf, 2,
        new Components(false, false, false, false, false, true));
    double peak = 0;
    for (double v : s.channel(0).samples()) {
      peak = Math.max(peak, Math.abs(v));
    }
    assertThat(peak).isGreaterThan(100);
    Signal mains = new Biosensor(Montage.earpiece(), FS).record(dry, Fixtures.holding(Fixtures.rest(), 4), 2,
        new Components(false, false, true, false, false, false));
    assertThat(peakHz(powerSpectrum(mains.channel(1).samples()))).isCloseTo(60.0,
        org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void eogPowerLiesBelow10Hz() {
    Participant who = Fixtures.typical();
    Performance perf = new Performer(120).perform(who, Protocol.bioFace3d(), 60, 5);
    Signal s = new Biosensor(Montage.earpiece(), FS).record(who, perf, 5, Components.eogOnly());
    for (int c = 0; c < s.channelCount(); c++) {
      double[] psd = powerSpectrum(s.channel(c).samples());
      assertThat(fraction(psd, 0, 10)).as(s.channel(c).name()).isGreaterThan(0.95);
    }
  }

  @Test
  void eogFollowsGazeWithTheCalibratedSensitivityAndBlinksAreUpwardDeflections() {
    Montage heog = new Montage("heog", java.util.List.of(
        new Lead("HEOG", new double[] {45, 0, 6}, new double[] {-45, 0, 6}),
        new Lead("VEOG", new double[] {32, 25, 8}, new double[] {32, -25, 8})));
    EogDipole eog = new EogDipole(heog);
    double[] v0 = new double[2];
    double[] v1 = new double[2];
    eog.voltages(0, 0, 0, 1, v0);
    eog.voltages(1, 0, 0, 1, v1);
    assertThat(v1[0] - v0[0]).isCloseTo(EogDipole.MICROVOLTS_PER_DEGREE, org.assertj.core.data.Offset.offset(0.5));
    double[] blink = new double[2];
    eog.voltages(0, 0, 1, 1, blink);
    assertThat(blink[1] - v0[1]).isBetween(100.0, 600.0);
  }

  @Test
  void powerlineAppearsAtTheParticipantsMainsFrequency() {
    Participant who = Fixtures.typical();
    Signal s = new Biosensor(Montage.earpiece(), FS).record(who, Fixtures.holding(Fixtures.rest(), 4), 9,
        new Components(false, false, true, false, false, false));
    double[] psd = powerSpectrum(s.channel(0).samples());
    assertThat(peakHz(psd)).isCloseTo(50.0, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void montageFilesRoundTripAndBadOnesAreRejectedWithTheirName(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("mine.csv");
    Files.writeString(good, Montage.fridlund().toCsv());
    Montage read = Montage.read(good);
    assertThat(read.name()).isEqualTo("mine");
    assertThat(read.channelNames()).isEqualTo(Montage.fridlund().channelNames());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, Montage.FILE_HEADER + "\nEMG1,1,2,3,4,5,x\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Montage.read(bad))
        .isInstanceOf(dev.mimik.core.io.BadInputException.class)
        .hasMessageContaining("bad.csv").hasMessageContaining("line 2");
  }

  /** One-sided power per FFT bin of width FS / n (periodogram with the mean removed). */
  static double[] powerSpectrum(double[] x) {
    int n = Integer.highestOneBit(x.length);
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += x[i] / n;
    }
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = x[i] - mean;
    }
    new DoubleFFT_1D(n).realForward(a);
    double[] p = new double[n / 2];
    for (int k = 1; k < n / 2; k++) {
      p[k] = a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1];
    }
    return p;
  }

  static double fraction(double[] psd, double loHz, double hiHz) {
    double df = FS / (2.0 * psd.length);
    double in = 0;
    double all = 0;
    for (int k = 0; k < psd.length; k++) {
      all += psd[k];
      if (k * df >= loHz && k * df <= hiHz) {
        in += psd[k];
      }
    }
    System.out.printf(Locale.ROOT, "power fraction %.0f-%.0f Hz: %.3f%n", loHz, hiHz, in / all);
    return in / all;
  }

  static double peakHz(double[] psd) {
    double df = FS / (2.0 * psd.length);
    int bins = Math.max(1, (int) (5 / df));
    double best = -1;
    int at = 0;
    for (int k = 0; k + bins < psd.length; k++) {
      double s = 0;
      for (int j = 0; j < bins; j++) {
        s += psd[k + j];
      }
      if (s > best) {
        best = s;
        at = k;
      }
    }
    return (at + bins / 2.0) * df;
  }
}
