package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.eval.eyes.StateScores;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import org.junit.jupiter.api.Test;

/** The eye-state scoring of a tracked face, on hand-made apertures and on the embedded rig. */
class EyeTrackingTest {

  @Test
  void scoresLeaveHalfClosedTruthOutAndCountOpenAsPositive() {
    double[] times = {0, 1, 2, 3};
    double[][] truth = {{1, 1}, {0.3, 0.3}, {0.05, 0.05}, {1, 1}};
    double[][] avatar = {{1, 0.1}, {0.5, 0.5}, {0.05, 0.05}, {1, 1}};
    StateScores s = EyeTracking.scores(times, avatar, times, truth);
    // scored: frames 0, 2, 3 (both eyes); one open eye reconstructed closed
    assertThat(s.frames()).isEqualTo(6);
    assertThat(s.accuracy()).isCloseTo(5 / 6.0, within(1e-12));
    // open positive: tp 3, fn 1, fp 0
    assertThat(s.f1()).isCloseTo(6 / 7.0, within(1e-12));
  }

  @Test
  void onsetErrorIsWhereTheLidsStartedToMoveBeforeTheClosureAndMissedBlinksAreNaN() {
    double fps = 30;
    double[] times = new double[30];
    double[][] avatar = new double[30][];
    for (int f = 0; f < 30; f++) {
      times[f] = f / fps;
      double a = f >= 12 && f <= 16 ? new double[] {0.8, 0.4, 0.1, 0.05, 0.6}[f - 12] : 1;
      avatar[f] = new double[] {a, a};
    }
    double[][] blinks = {{10 / fps, 8 / fps}, {22 / fps, 5 / fps}};
    double[] errors = EyeTracking.onsetErrorsFrames(times, avatar, blinks, fps);
    assertThat(errors[0]).isCloseTo(2, within(1e-9));
    assertThat(errors[1]).isNaN();
  }

  @Test
  void theRigClosesItsEyesWithTheBlinkShapesAndNotOtherwise() {
    FaceRig rig = EmbeddedRig.load();
    double[][] w = new double[2][52];
    w[1][Blendshapes.indexOf("eyeBlinkLeft")] = 1;
    BlendshapeTrack track = new BlendshapeTrack(new double[] {0, 1}, Blendshapes.ARKIT_52, w);
    double[][] a = EyeTracking.relativeApertures(rig, track, new double[0]);
    assertThat(a[0][0]).isCloseTo(1, within(1e-9));
    assertThat(a[0][1]).isCloseTo(1, within(1e-9));
    assertThat(a[1][dev.mimik.face.eyes.Eye.LEFT.ordinal()]).isLessThan(EyeTracking.CLOSED_FRACTION);
    assertThat(a[1][dev.mimik.face.eyes.Eye.RIGHT.ordinal()]).isGreaterThan(EyeTracking.OPEN_FRACTION);
  }
}
