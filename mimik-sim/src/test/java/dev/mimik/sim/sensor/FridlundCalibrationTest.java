package dev.mimik.sim.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.mimik.core.data.Signal;
import dev.mimik.sim.Fixtures;
import dev.mimik.sim.muscle.CoActivation;
import dev.mimik.sim.muscle.Muscle;
import dev.mimik.sim.muscle.MuscleModel;
import dev.mimik.sim.performance.Expression;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class FridlundCalibrationTest {

  /**
   * The lip and chin co-activation weights the built-in amplitudes were fitted with: those the simulator had before
   * issue 19, set by comparing with the emotion table (see {@link Muscle#microvoltsAtFull()}).
   */
  private static final CoActivation FITTED_WITH = new CoActivation(List.of(0.3, 0.15, 0.3, 0.3, 0.3, 0.6, 0.3));

  @Test
  void bakedMuscleAmplitudesAreTheUnregularisedFitToTheRealTableUnderTheWeightsTheyWereFittedWith() {
    var table = FridlundCalibration.read(Fixtures.shared("data/emg-fridlund/fridlund.csv"));
    double[] fitted = FridlundCalibration.fit(table, 0, new MuscleModel(FITTED_WITH));
    for (Muscle m : Muscle.values()) {
      System.out.printf(java.util.Locale.ROOT, "fitted %s: %.2f uV%n", m.name(), fitted[m.ordinal()]);
    }
    for (Muscle m : Muscle.values()) {
      assertThat(m.microvoltsAtFull()).as(m.name()).isCloseTo(fitted[m.ordinal()],
          org.assertj.core.data.Percentage.withPercentage(1));
    }
  }

  @Test
  void aNoiseFreeTableGivesBackItsAmplitudesAndNeedsNoShrinkage() {
    double[] truth = new double[Muscle.values().length];
    for (Muscle m : Muscle.values()) {
      truth[m.ordinal()] = m.onFridlund() ? 3 + 5 * m.ordinal() : m.microvoltsAtFull();
    }
    var table = synthesised(truth, List.of(Expression.ANGER, Expression.SURPRISE, Expression.SAD, Expression.FEAR,
        Expression.HAPPY, Expression.DISGUST));
    double[] fitted = FridlundCalibration.fit(table, 0);
    for (Muscle m : Muscle.values()) {
      assertThat(fitted[m.ordinal()]).as(m.name()).isCloseTo(truth[m.ordinal()], within(1e-3));
    }
    MuscleModel model = new MuscleModel();
    assertThat(FridlundCalibration.leaveOneRowOut(table, 0, model)).isCloseTo(1, within(1e-6));
    assertThat(FridlundCalibration.leaveOneRowOut(table, 0.1, model)).isLessThan(0.99);
    assertThat(FridlundCalibration.chooseLambda(table, model)).isZero();
  }

  @Test
  void aMuscleTheEmotionsMoveOnlyAtRestTakesTheCommonLevel() {
    var all = FridlundCalibration.read(Fixtures.shared("data/emg-fridlund/fridlund.csv"));
    var table = all.subset(List.of(Expression.HAPPY, Expression.DISGUST));
    int front = Muscle.LATERAL_FRONTALIS.ordinal();
    // unregularised, its resting tone explains the noise floor of the frontalis channels
    assertThat(FridlundCalibration.fit(table, 0)[front]).isGreaterThan(100);
    double[] shrunk = FridlundCalibration.fit(table, 1e-3);
    double level = 0;
    int n = 0;
    for (Muscle m : Muscle.values()) {
      if (m.onFridlund()) {
        level += shrunk[m.ordinal()] * shrunk[m.ordinal()];
        n++;
      }
    }
    assertThat(shrunk[front] * shrunk[front]).isCloseTo(level / n, withinPercentage(5));
    assertThat(shrunk[Muscle.MEDIAL_FRONTALIS.ordinal()]).isCloseTo(shrunk[front], withinPercentage(1));
  }

  private static FridlundCalibration.Table<Expression> synthesised(double[] amplitudes, List<Expression> emotions) {
    Montage montage = Montage.fridlund();
    double[][] rms = FridlundCalibration.predictedRms(montage, amplitudes, emotions);
    return new FridlundCalibration.Table<>(emotions, montage.channelNames(), rms);
  }

  /**
   * The built-in simulator, recorded holding each emotion's apex, against the emotion table. Its amplitudes were
   * fitted on that table, but its lip and chin co-activations now come from the exercise table (they were set with
   * this table until issue 19, when this check asked for 0.9), so it is less of a fit than it was.
   */
  @Test
  void simulatedEmotionProfilesCorrelateWithTheRealTable() {
    var table = FridlundCalibration.read(Fixtures.shared("data/emg-fridlund/fridlund.csv"));
    Biosensor sensor = new Biosensor(Montage.fridlund(), 2048);
    List<Double> real = new ArrayList<>();
    List<Double> sim = new ArrayList<>();
    for (int e = 0; e < table.rows().size(); e++) {
      Expression x = table.rows().get(e);
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
    assertThat(r).isGreaterThanOrEqualTo(0.85);
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
