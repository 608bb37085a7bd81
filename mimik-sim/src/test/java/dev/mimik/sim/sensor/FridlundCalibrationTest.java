package dev.mimik.sim.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Signal;
import dev.mimik.sim.Fixtures;
import dev.mimik.sim.muscle.Muscle;
import dev.mimik.sim.performance.Expression;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class FridlundCalibrationTest {

  @Test
  void bakedMuscleAmplitudesAreTheFitToTheRealTable() {
    var table = FridlundCalibration.read(Fixtures.shared("data/emg-fridlund/fridlund.csv"));
    double[] fitted = FridlundCalibration.fit(table);
    for (Muscle m : Muscle.values()) {
      System.out.printf(java.util.Locale.ROOT, "fitted %s: %.2f uV%n", m.name(), fitted[m.ordinal()]);
    }
    for (Muscle m : Muscle.values()) {
      assertThat(m.microvoltsAtFull()).as(m.name()).isCloseTo(fitted[m.ordinal()],
          org.assertj.core.data.Percentage.withPercentage(1));
    }
  }

  @Test
  void simulatedEmotionProfilesCorrelateWithTheRealTable() {
    var table = FridlundCalibration.read(Fixtures.shared("data/emg-fridlund/fridlund.csv"));
    Biosensor sensor = new Biosensor(Montage.fridlund(), 2048);
    List<Double> real = new ArrayList<>();
    List<Double> sim = new ArrayList<>();
    for (int e = 0; e < table.emotions().size(); e++) {
      Expression x = table.emotions().get(e);
      Signal s = sensor.record(Fixtures.typical(), Fixtures.holding(x.apex(), 2), 11 + e,
          new Components(true, false, false, false, true, false));
      for (int k = 0; k < table.channels().size(); k++) {
        double v = table.microvolts()[e][k];
        if (v > 0) {
          real.add(v);
          sim.add(rms(s.channel(table.channels().get(k)).orElseThrow().samples()));
        }
      }
    }
    double r = new PearsonsCorrelation().correlation(
        real.stream().mapToDouble(Double::doubleValue).toArray(), sim.stream().mapToDouble(Double::doubleValue).toArray());
    System.out.printf("Fridlund per-emotion RMS profiles: Pearson r = %.3f over %d values%n", r, real.size());
    assertThat(r).isGreaterThanOrEqualTo(0.9);
  }

  static double rms(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v / x.length;
    }
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / x.length);
  }
}
