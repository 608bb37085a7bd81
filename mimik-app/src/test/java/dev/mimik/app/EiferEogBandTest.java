package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.sensor.FridlundCalibration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class EiferEogBandTest {

  /**
   * On short simulated Fridlund sessions (3 training participants, 1 held out, 40 s at 1024 Hz), EMG2Exp with each
   * lead's EOG band follows the eye shapes (eyeBlink*, eyeLook*) that move far better than the envelope-only model,
   * network and baseline: the 10 Hz high-pass of EIFER's chain removes gaze and most of the blink from the
   * envelopes.
   */
  @Test
  void theEogBandRaisesEmg2ExpOnTheEyeShapes() {
    Path table = Path.of(System.getProperty("mimik.shared", "../shared"), "data/emg-fridlund/fridlund.csv");
    Assumptions.assumeTrue(Files.isRegularFile(table), "no " + table + " (shared data absent)");
    FridlundCalibration.Table t = FridlundCalibration.read(table);
    List<Expression> cal = List.of(Expression.HAPPY, Expression.SURPRISE, Expression.DISGUST);
    double[][] eye = new double[2][2];
    for (int k = 0; k < 2; k++) {
      EiferExperiment.Result r = new EiferExperiment(3, 1, 40, 1024, 4, 0, cal, k == 1, false).run(t, line -> {});
      EiferExperiment.ParticipantResult p = r.participants().get(0);
      boolean[] eyes = new boolean[p.moving().length];
      for (int s = 0; s < eyes.length; s++) {
        eyes[s] = p.moving()[s] && Blendshapes.ARKIT_52.get(s).matches("eye(Blink|Look).*");
      }
      eye[k][0] = EiferExperiment.mean(p.emg2exp().pearson(), eyes);
      eye[k][1] = EiferExperiment.mean(p.emg2expLinear().pearson(), eyes);
    }
    System.out.printf("eye shapes r, network and linear: envelopes only %.3f %.3f, with the EOG band %.3f %.3f%n",
        eye[0][0], eye[0][1], eye[1][0], eye[1][1]);
    assertThat(eye[1][0]).isGreaterThan(eye[0][0] + 0.1);
    assertThat(eye[1][1]).isGreaterThan(eye[0][1] + 0.1);
  }
}
