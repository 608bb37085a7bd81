package dev.mimik.face.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;
import org.junit.jupiter.api.Test;

/** The equidistant fisheye: radius proportional to the off-axis angle, and its Jacobian. */
class FisheyeCameraTest {

  private final FisheyeCamera cam = FisheyeCamera.ofHorizontalFov(180, 400, 400);

  @Test
  void theImageRadiusGrowsLinearlyWithTheAngleOffTheAxis() {
    // 180 degrees across 400 pixels: 90 degrees off the axis reaches the edge
    assertThat(cam.project(new Vector3D(0, 0, -5)).getX()).isCloseTo(200, within(1e-9));
    assertThat(cam.project(new Vector3D(1, 0, 0)).getX()).isCloseTo(400, within(1e-9));
    Vector2D up45 = cam.project(new Vector3D(0, 1, -1));
    assertThat(up45.getY()).isCloseTo(100, within(1e-9));
    assertThat(up45.getX()).isCloseTo(200, within(1e-9));
  }

  @Test
  void itsJacobianMatchesCentralDifferences() {
    Camera numeric = cam::project;
    for (Vector3D p : new Vector3D[] {new Vector3D(3, -2, -40), new Vector3D(30, 12, -10),
        new Vector3D(1e-9, 0, -20), new Vector3D(-25, 40, 5)}) {
      double[] closed = cam.jacobian(p);
      double[] diff = numeric.jacobian(p);
      for (int k = 0; k < 6; k++) {
        assertThat(closed[k]).isCloseTo(diff[k], within(1e-5 * (1 + Math.abs(diff[k]))));
      }
    }
  }
}
