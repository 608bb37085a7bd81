package dev.mimik.face.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.camera.Camera;
import dev.mimik.face.camera.HeadPose;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InitialPoseTest {

  private static final LandmarkModel MODEL = new LandmarkModel(FitFixtures.RIG, LandmarkSet.IBUG_68);
  private static final HeadPose TURNED = HeadPose.ofEulerDegrees(20, -10, 5, 1.5, -0.5, 0);

  @Test
  void anOrthographicViewOfTheNeutralFaceGivesItsPoseAndScaleExactly() {
    Camera weak = FitFixtures.camera("weak");
    FitState s = InitialPose.estimate(observe(weak, TURNED), MODEL.neutral, weak.withMagnification(1), MODEL.shapes);
    assertThat(new HeadPose(Rotations.toRotation(s.r), TURNED.translation()).angleToDegrees(TURNED)).isLessThan(1e-6);
    assertThat(s.camera.magnification()).isCloseTo(weak.magnification(), within(1e-6 * weak.magnification()));
    assertThat(s.t[0]).isCloseTo(1.5, within(1e-6));
    assertThat(s.t[1]).isCloseTo(-0.5, within(1e-6));
    assertThat(s.t[2]).isZero();
  }

  @Test
  void aPerspectiveViewGivesThePoseAndDepthApproximately() {
    Camera pinhole = FitFixtures.camera("pinhole");
    double depth = 600 / FitFixtures.RIG.millimetresPerUnit();
    HeadPose pose = HeadPose.ofEulerDegrees(20, -10, 5, 1.5, -0.5, -depth);
    FitState s = InitialPose.estimate(observe(pinhole, pose), MODEL.neutral, pinhole, MODEL.shapes);
    // an affine camera ignores the perspective across the face's own depth: a few degrees off, for the rigid fit
    // that follows to refine
    assertThat(new HeadPose(Rotations.toRotation(s.r), pose.translation()).angleToDegrees(pose)).isLessThan(10);
    assertThat(s.t[2]).isCloseTo(-depth, within(0.05 * depth));
    assertThat(s.w).containsOnly(0);
  }

  @Test
  void fewerThanFourLandmarksAreRejected() {
    Camera pinhole = FitFixtures.camera("pinhole");
    double[] xy = new double[2 * MODEL.points];
    Arrays.fill(xy, Double.NaN);
    for (int i = 0; i < 6; i++) {
      xy[i] = 100 + 10 * i;
    }
    assertThatThrownBy(() -> InitialPose.estimate(new Observation(xy, MODEL.points), MODEL.neutral, pinhole,
        MODEL.shapes)).hasMessageContaining("got 3");
  }

  private static Observation observe(Camera camera, HeadPose pose) {
    FitState truth = new FitState(Rotations.of(pose.rotation()), new double[] {pose.translation().getX(),
      pose.translation().getY(), pose.translation().getZ()}, new double[MODEL.shapes], camera);
    LandmarkResiduals residuals = new LandmarkResiduals(MODEL, RestShape.of(new double[MODEL.modes]),
        RegionWeights.uniform(), camera);
    return new Observation(residuals.image(truth), MODEL.points);
  }
}
