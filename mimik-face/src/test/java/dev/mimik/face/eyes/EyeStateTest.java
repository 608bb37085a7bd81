package dev.mimik.face.eyes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.PosedMesh;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import org.junit.jupiter.api.Test;

class EyeStateTest {

  private static final FaceRig RIG = EmbeddedRig.load();

  /** Front view of the rig's landmarks (x right, y down), in the 68 set. */
  private static double[] front(double[] weights) {
    float[] mesh = PosedMesh.of(RIG, weights, new double[0]);
    double[] out = new double[136];
    for (int j = 0; j < 68; j++) {
      int v = RIG.landmarkVertices()[j];
      out[2 * j] = 100 * mesh[3 * v];
      out[2 * j + 1] = -100 * mesh[3 * v + 1];
    }
    return out;
  }

  @Test
  void apertureRatioOfTheRigFallsToZeroWhenItsEyeBlinks() {
    double[] w = new double[RIG.shapeCount()];
    double openRight = Eye.RIGHT.aperture(front(w), LandmarkSet.IBUG_68);
    assertThat(openRight).isBetween(0.15, 0.5);
    w[RIG.shapeIndex("eyeBlinkRight")] = 1;
    double[] closed = front(w);
    assertThat(Eye.RIGHT.aperture(closed, LandmarkSet.IBUG_68)).isLessThan(0.05 * openRight);
    // the other eye stays open
    assertThat(Eye.LEFT.aperture(closed, LandmarkSet.IBUG_68)).isCloseTo(openRight, within(0.05));
    // same ratio on the 3D mesh
    float[] mesh = PosedMesh.of(RIG, w, new double[0]);
    assertThat(Eye.RIGHT.aperture(mesh, RIG.landmarkVertices())).isLessThan(0.05 * openRight);
  }

  @Test
  void closureIsAHalfAtTheMidpointAndCalibratesOnTheUsualOpenEye() {
    ClosureModel m = ClosureModel.forOpenAperture(0.3);
    assertThat(m.closure(0.3 * 0.55)).isCloseTo(0.5, within(1e-12));
    assertThat(m.closure(0.3)).isLessThan(0.01);
    assertThat(m.closure(0.0)).isGreaterThan(0.99);
    assertThat(m.closure(Double.NaN)).isEqualTo(0.5);
    double[] apertures = new double[100];
    for (int i = 0; i < 100; i++) {
      apertures[i] = i < 5 ? 0.02 : 0.3 + 0.001 * (i % 7);
    }
    assertThat(ClosureModel.calibrated(apertures).openAperture()).isBetween(0.3, 0.307);
  }

  @Test
  void fusionAddsLogOddsAndHalfIsNoInformation() {
    assertThat(EyeState.fuse(0.8, 0.5)).isCloseTo(0.8, within(1e-12));
    // odds 4 and 4 -> 16
    assertThat(EyeState.fuse(0.8, 0.8)).isCloseTo(16.0 / 17, within(1e-12));
    assertThat(EyeState.fuse(0.9, 0.1)).isCloseTo(0.5, within(1e-12));
    assertThat(EyeState.fuse(1.0, 0.0)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void elamPutsTheUpperLidOnTheLowerInProportionToClosure() {
    double[] open = front(new double[RIG.shapeCount()]);
    EyeState[] states = {new EyeState(Double.NaN, 1.0), new EyeState(Double.NaN, 0.5)};
    double[] adjusted = Elam.adjust(open, LandmarkSet.IBUG_68, states);
    assertThat(Eye.RIGHT.aperture(adjusted, LandmarkSet.IBUG_68)).isLessThan(1e-12);
    assertThat(Eye.LEFT.aperture(adjusted, LandmarkSet.IBUG_68))
        .isCloseTo(0.5 * Eye.LEFT.aperture(open, LandmarkSet.IBUG_68), within(1e-12));
    // on a level eye, the paper's rule in y: y_u' = y_u + P (y_l - y_u), x kept
    double[] level = open.clone();
    for (int j : new int[] {42, 45}) {
      level[2 * j + 1] = open[2 * 42 + 1];
    }
    double[] adjustedLevel = Elam.adjust(level, LandmarkSet.IBUG_68, states);
    assertThat(adjustedLevel[2 * 43 + 1]).isCloseTo(level[2 * 43 + 1] + 0.5 * (level[2 * 47 + 1]
        - level[2 * 43 + 1]), within(1e-12));
    assertThat(adjustedLevel[2 * 43]).isCloseTo(level[2 * 43], within(1e-12));
    for (int j = 0; j < 68; j++) {
      if (j != 37 && j != 38 && j != 43 && j != 44) {
        assertThat(adjusted[2 * j]).isEqualTo(open[2 * j]);
        assertThat(adjusted[2 * j + 1]).isEqualTo(open[2 * j + 1]);
      }
    }
  }

  @Test
  void trackStatesFollowABlinkIn51PointFrames() {
    double[][] frames = new double[40][];
    for (int f = 0; f < 40; f++) {
      double[] w = new double[RIG.shapeCount()];
      double blink = f >= 20 && f < 24 ? 1 : 0;
      w[RIG.shapeIndex("eyeBlinkLeft")] = blink;
      w[RIG.shapeIndex("eyeBlinkRight")] = blink;
      double[] full = front(w);
      frames[f] = java.util.Arrays.copyOfRange(full, 2 * 17, 2 * 68);
    }
    EyeState[][] s = EyeStates.estimate(frames, LandmarkSet.IBUG_51);
    for (int f = 0; f < 40; f++) {
      for (Eye eye : Eye.values()) {
        assertThat(s[f][eye.ordinal()].closed()).as("frame %d %s", f, eye).isEqualTo(f >= 20 && f < 24);
      }
    }
  }
}
