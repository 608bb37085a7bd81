package dev.mimik.eval.eyes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.face.eyes.Eye;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import org.junit.jupiter.api.Test;

/** The 3D face scores on the embedded rig with hand-set weights. */
class ReconstructionScoresTest {

  static final FaceRig RIG = EmbeddedRig.load();

  static double[] weights(String... nameValue) {
    double[] w = new double[RIG.shapeCount()];
    for (int i = 0; i < nameValue.length; i += 2) {
      w[RIG.shapeIndex(nameValue[i])] = Double.parseDouble(nameValue[i + 1]);
    }
    return w;
  }

  @Test
  void theRigClosesAnEyeWithItsBlinkShapeOnly() {
    double[][] a = new ReconstructionScores(RIG).relativeApertures(new double[][] {weights(),
        weights("eyeBlinkLeft", "1")}, new double[0]);
    assertThat(a[0][0]).isCloseTo(1, within(1e-9));
    assertThat(a[0][1]).isCloseTo(1, within(1e-9));
    assertThat(a[1][Eye.LEFT.ordinal()]).isLessThan(ReconstructionScores.CLOSED_FRACTION);
    assertThat(a[1][Eye.RIGHT.ordinal()]).isGreaterThan(ReconstructionScores.OPEN_FRACTION);
  }

  @Test
  void scoresLeaveHalfClosedTruthOutCountOpenAsPositiveAndMeasureTheMesh() {
    double[][] truth = {weights(), weights("eyeBlinkLeft", "1", "eyeBlinkRight", "1"),
        weights("eyeBlinkLeft", "0.6", "eyeBlinkRight", "0.6"), weights("jawOpen", "0.6")};
    ReconstructionScores scores = new ReconstructionScores(RIG);
    ReconstructionScores.Row same = scores.score("same", truth, new double[0], truth, new double[0], 1);
    assertThat(same.eyes().frames()).isEqualTo(6);
    assertThat(same.eyes().accuracy()).isEqualTo(1);
    assertThat(same.mouth().accuracy()).isEqualTo(1);
    assertThat(same.eyeRegion().meanMm()).isCloseTo(0, within(1e-4));
    assertThat(same.mouthRegion().meanMm()).isCloseTo(0, within(1e-4));

    // the blink kept open in one eye, the mouth kept shut
    double[][] fit = {weights(), weights("eyeBlinkLeft", "1"), weights(), weights()};
    ReconstructionScores.Row wrong = scores.score("wrong", truth, new double[0], fit, new double[0], 1);
    // scored: frames 0, 1 and 3, both eyes; the right eye of frame 1 is open in 3D but closed in truth
    assertThat(wrong.eyes().frames()).isEqualTo(6);
    assertThat(wrong.eyes().accuracy()).isCloseTo(5 / 6.0, within(1e-12));
    // open positive: tp 4, fp 1, fn 0
    assertThat(wrong.eyes().f1()).isCloseTo(8 / 9.0, within(1e-12));
    assertThat(wrong.mouth().accuracy()).isCloseTo(3 / 4.0, within(1e-12));
    assertThat(wrong.mouthRegion().meanMm()).isGreaterThan(0.1);
    assertThat(wrong.eyeRegion().meanMm()).isGreaterThan(0.1);
  }
}
