package dev.mimik.face.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;
import org.junit.jupiter.api.Test;

class CameraTest {

  @Test
  void pinholeProjectsAPointInFrontOfTheCameraByTheAgreedFormula() {
    PinholeCamera cam = new PinholeCamera(800, 320, 240, 640, 480);
    Vector2D uv = cam.project(new Vector3D(10, 5, -100));
    assertThat(uv.getX()).isCloseTo(320 + 800 * 10 / 100.0, within(1e-12));
    assertThat(uv.getY()).isCloseTo(240 - 800 * 5 / 100.0, within(1e-12));
  }

  @Test
  void pinholeUpIsUpInTheImage() {
    PinholeCamera cam = PinholeCamera.ofHorizontalFov(60, 640, 480);
    assertThat(cam.project(new Vector3D(0, 1, -10)).getY()).isLessThan(240);
    assertThat(cam.project(new Vector3D(1, 0, -10)).getX()).isGreaterThan(320);
    assertThat(cam.focalPx()).isCloseTo(320 / Math.tan(Math.toRadians(30)), within(1e-9));
  }

  @Test
  void weakPerspectiveScalesAndFlipsY() {
    WeakPerspectiveCamera cam = new WeakPerspectiveCamera(4, 100, 50);
    Vector2D uv = cam.project(new Vector3D(2, 3, -1000));
    assertThat(uv.getX()).isCloseTo(108, within(1e-12));
    assertThat(uv.getY()).isCloseTo(38, within(1e-12));
  }

  @Test
  void closedFormJacobiansMatchCentralDifferences() {
    Vector3D p = new Vector3D(3, -4, -50);
    Camera[] cams = {new PinholeCamera(700, 300, 200, 600, 400), new WeakPerspectiveCamera(3, 10, 20)};
    for (Camera cam : cams) {
      Camera numeric = cam::project;
      assertThat(cam.jacobian(p)).containsExactly(numeric.jacobian(p), within(1e-5));
    }
  }
}
