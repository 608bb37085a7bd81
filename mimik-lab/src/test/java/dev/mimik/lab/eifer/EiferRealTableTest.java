package dev.mimik.lab.eifer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.sensor.FridlundCalibration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EiferRealTableTest {

  /**
   * The experiment's comparison with the real per-emotion table reports, beside Exp2EMG, the calibrated simulator's
   * own apex profile. Happy, the calibration row that sets the zygomaticus and the lip muscles, comes out of the
   * muscle model at r >= 0.95 (a wrong emotion row or channel order would not), and Exp2EMG, trained on short
   * sessions of that simulator (3 participants, 40 s at 1024 Hz), reproduces the muscle model's r on every emotion
   * to within 0.12: the map learns the simulator, so the muscle model is what separates the simulator's misses from
   * the network's.
   */
  @Test
  void theMuscleModelColumnIsTheSimulatorsOwnProfileAndExp2EmgFollowsIt() {
    FridlundCalibration.Table t = SharedFridlund.read();
    List<Expression> cal = SharedFridlund.CALIBRATION;
    EiferExperiment.Result r = new EiferExperiment(3, 1, 40, 1024, 6, 0, cal, true, true).run(t, line -> {});
    EiferExperiment.EmotionResult happy = r.emotions().stream()
        .filter(e -> e.emotion() == Expression.HAPPY).findFirst().orElseThrow();
    assertThat(happy.pearsonMuscleModel()).isGreaterThanOrEqualTo(0.95);
    for (EiferExperiment.EmotionResult e : r.emotions()) {
      assertThat(e.pearson()).as(e.emotion().label()).isCloseTo(e.pearsonMuscleModel(), offset(0.12));
    }
  }
}
