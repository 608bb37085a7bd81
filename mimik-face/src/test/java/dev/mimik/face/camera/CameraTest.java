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

  @Test
  void projectionIntoArraysMatchesProjectAndCentralDifferences() {
    PinholeCamera pinhole = new PinholeCamera(700, 300, 200, 600, 400);
    Camera[] cams = {pinhole, new WeakPerspectiveCamera(3, 10, 20), pinhole::project};
    Vector3D[] points = {new Vector3D(3, -4, -50), new Vector3D(-7, 2, -20), new Vector3D(0.5, 9, -80)};
    double h = 1e-4;
    for (Camera cam : cams) {
      for (Vector3D p : points) {
        double[] uv = new double[2];
        double[] jac = new double[6];
        cam.project(p.getX(), p.getY(), p.getZ(), uv, jac);
        Vector2D image = cam.project(p);
        assertThat(uv[0]).isCloseTo(image.getX(), within(1e-12 * Math.abs(image.getX())));
        assertThat(uv[1]).isCloseTo(image.getY(), within(1e-12 * Math.abs(image.getY())));
        for (int k = 0; k < 3; k++) {
          Vector3D step = new Vector3D(k == 0 ? h : 0, k == 1 ? h : 0, k == 2 ? h : 0);
          Vector2D plus = cam.project(p.add(step));
          Vector2D minus = cam.project(p.subtract(step));
          double du = (plus.getX() - minus.getX()) / (2 * h);
          double dv = (plus.getY() - minus.getY()) / (2 * h);
          // derivatives are tens of pixels per unit; the differences' own error is about 1e-9 here
          assertThat(jac[k]).as("du/d%d of %s", k, cam).isCloseTo(du, within(1e-6));
          assertThat(jac[3 + k]).as("dv/d%d of %s", k, cam).isCloseTo(dv, within(1e-6));
        }
      }
    }
  }

  @Test
  void unprojectPlacesAPointWhereItIsSeenAtTheGivenMagnification() {
    PinholeCamera pinhole = new PinholeCamera(700, 300, 200, 600, 400);
    WeakPerspectiveCamera weak = new WeakPerspectiveCamera(3, 10, 20);
    for (Camera cam : new Camera[] {pinhole, weak}) {
      double pixelsPerUnit = 12.5;
      Vector3D p = cam.unproject(40, -15, pixelsPerUnit);
      Camera seen = cam.seesDepth() ? cam : cam.withMagnification(pixelsPerUnit);
      Vector2D uv = seen.project(p);
      assertThat(uv.getX()).isCloseTo(cam.principalPoint().getX() + 40, within(1e-9));
      assertThat(uv.getY()).isCloseTo(cam.principalPoint().getY() + 15, within(1e-9));
      assertThat(seen.jacobian(p)[0]).isCloseTo(pixelsPerUnit, within(1e-9));
    }
    assertThat(pinhole.unproject(40, -15, 12.5).getZ()).isCloseTo(-700 / 12.5, within(1e-12));
  }

  @Test
  void onlyACameraBlindToDepthHasAMagnification() {
    WeakPerspectiveCamera weak = new WeakPerspectiveCamera(3, 10, 20);
    assertThat(weak.seesDepth()).isFalse();
    assertThat(weak.magnification()).isEqualTo(3);
    assertThat(weak.withMagnification(5)).isEqualTo(new WeakPerspectiveCamera(5, 10, 20));
    PinholeCamera pinhole = new PinholeCamera(700, 300, 200, 600, 400);
    assertThat(pinhole.seesDepth()).isTrue();
    assertThat(pinhole.principalPoint()).isEqualTo(new Vector2D(300, 200));
    org.assertj.core.api.Assertions.assertThatThrownBy(pinhole::magnification)
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
