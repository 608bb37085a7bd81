package dev.mimik.lab.eifer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.learn.eifer.MapMetrics;
import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.sensor.FridlundCalibration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EiferRealTableTest {

  /**
   * The experiment's comparison with the real per-emotion table reports, beside Exp2EMG, the calibrated simulator's
   * own apex profile. Happy, the calibration row that sets the zygomaticus and the lip muscles, comes out of the
   * muscle model at r >= 0.95 (a wrong emotion row or channel order would not), and Exp2EMG, trained on short
   * sessions of that simulator (3 participants, 40 s at 1024 Hz), reproduces the muscle model's apex profile of
   * every emotion: the map learns the simulator, so the muscle model is what separates the simulator's misses from
   * the network's. (The two profiles are compared with each other, not through their r against the real row: since
   * the lip co-activations that fear's row informed are gone, the muscle model's fear r is near 0, where a small
   * difference between two profiles moves r against a third a lot.)
   */
  @Test
  void theMuscleModelColumnIsTheSimulatorsOwnProfileAndExp2EmgFollowsIt() {
    FridlundCalibration.Table<Expression> t = SharedFridlund.read();
    List<Expression> cal = SharedFridlund.CALIBRATION;
    EiferExperiment.Result r = new EiferExperiment(3, 1, 40, 1024, 6, 0, cal, true, true).run(t, line -> {});
    EiferExperiment.EmotionResult happy = r.emotions().stream()
        .filter(e -> e.emotion() == Expression.HAPPY).findFirst().orElseThrow();
    assertThat(happy.pearsonMuscleModel()).isGreaterThanOrEqualTo(0.95);
    double[][] muscleModel = r.muscles().predictedRms(t.rows());
    double[] agreement = new double[t.rows().size()];
    for (int e = 0; e < agreement.length; e++) {
      double[] exp2emg = r.model().emg(new double[][] {t.rows().get(e).apex()}, false)[0];
      agreement[e] = MapMetrics.pearson(exp2emg, muscleModel[e]);
      System.out.printf("%s: Exp2EMG against the muscle model's apex profile r %.3f%n", t.rows().get(e).label(),
          agreement[e]);
    }
    for (int e = 0; e < agreement.length; e++) {
      assertThat(agreement[e]).as(t.rows().get(e).label()).isGreaterThanOrEqualTo(0.7);
    }
  }
}
