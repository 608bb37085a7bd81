package dev.mimik.lab.eifer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.sensor.FridlundCalibration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EiferEogInputsTest {

  /**
   * On short simulated Fridlund sessions (4 training participants, 1 held out, 60 s at 1024 Hz), EMG2Exp with each
   * lead's EOG band follows the eye shapes (eyeBlink*, eyeLook*) that move far better than the envelope-only model,
   * network and baseline: the 10 Hz high-pass of EIFER's chain removes gaze and most of the blink from the
   * envelopes. Adding each lead's saccade integral, which reads gaze through the baseline wander that hides it in
   * the band, lifts the gaze shapes (eyeLook*) further.
   */
  @Test
  void theEogInputsRaiseEmg2ExpOnTheEyeShapes() {
    FridlundCalibration.Table t = SharedFridlund.read();
    List<Expression> cal = SharedFridlund.CALIBRATION;
    double[][] eye = new double[3][2];
    double[][] look = new double[3][2];
    for (int k = 0; k < 3; k++) {
      EiferExperiment.Result r = new EiferExperiment(4, 1, 60, 1024, 4, 0, cal, k >= 1, k == 2).run(t, line -> {});
      EiferExperiment.ParticipantResult p = r.participants().get(0);
      boolean[] eyes = new boolean[p.moving().length];
      boolean[] gaze = new boolean[p.moving().length];
      for (int s = 0; s < eyes.length; s++) {
        eyes[s] = p.moving()[s] && Blendshapes.ARKIT_52.get(s).matches("eye(Blink|Look).*");
        gaze[s] = p.moving()[s] && Blendshapes.ARKIT_52.get(s).startsWith("eyeLook");
      }
      eye[k][0] = EiferExperiment.mean(p.emg2exp().pearson(), eyes);
      eye[k][1] = EiferExperiment.mean(p.emg2expLinear().pearson(), eyes);
      look[k][0] = EiferExperiment.mean(p.emg2exp().pearson(), gaze);
      look[k][1] = EiferExperiment.mean(p.emg2expLinear().pearson(), gaze);
    }
    System.out.printf("eye shapes r, network and linear: envelopes only %.3f %.3f, with the EOG band %.3f %.3f;"
        + " eyeLook shapes with the band %.3f %.3f, and the saccade integral %.3f %.3f%n", eye[0][0], eye[0][1],
        eye[1][0], eye[1][1], look[1][0], look[1][1], look[2][0], look[2][1]);
    assertThat(eye[1][0]).isGreaterThan(eye[0][0] + 0.1);
    assertThat(eye[1][1]).isGreaterThan(eye[0][1] + 0.1);
    assertThat(look[2][0]).isGreaterThan(look[1][0] + 0.1);
    assertThat(look[2][1]).isGreaterThan(look[1][1] + 0.1);
  }
}
