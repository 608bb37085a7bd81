package dev.mimik.face.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HeadPoseTest {

  @Test
  void identityLeavesPointsAlone() {
    Vector3D p = new Vector3D(1, -2, 3);
    assertThat(HeadPose.identity().apply(p).distance(p)).isLessThan(1e-15);
  }

  @Test
  void positiveYawTurnsTheFaceTowardTheSubjectsLeft() {
    Vector3D gaze = HeadPose.ofEulerDegrees(90, 0, 0, 0, 0, 0).apply(Vector3D.PLUS_K);
    assertThat(gaze.distance(Vector3D.PLUS_I)).isLessThan(1e-12);
  }

  @Test
  void positivePitchTipsTheFaceDown() {
    Vector3D gaze = HeadPose.ofEulerDegrees(0, 30, 0, 0, 0, 0).apply(Vector3D.PLUS_K);
    assertThat(gaze.getY()).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void rollIsAppliedFirstThenPitchThenYaw() {
    Vector3D p = new Vector3D(0.3, -0.7, 1.1);
    HeadPose pose = HeadPose.ofEulerDegrees(20, -15, 10, 1, 2, 3);
    Vector3D expected = rotY(20, rotX(-15, rotZ(10, p))).add(new Vector3D(1, 2, 3));
    assertThat(pose.apply(p).distance(expected)).isLessThan(1e-12);
    double[][] m = pose.rotationMatrix();
    Vector3D viaMatrix = new Vector3D(
        m[0][0] * p.getX() + m[0][1] * p.getY() + m[0][2] * p.getZ(),
        m[1][0] * p.getX() + m[1][1] * p.getY() + m[1][2] * p.getZ(),
        m[2][0] * p.getX() + m[2][1] * p.getY() + m[2][2] * p.getZ()).add(new Vector3D(1, 2, 3));
    assertThat(viaMatrix.distance(expected)).isLessThan(1e-12);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void eulerAnglesRoundTrip(long seed) {
    Random rnd = new Random(seed);
    double yaw = rnd.nextDouble() * 160 - 80;
    double pitch = rnd.nextDouble() * 160 - 80;
    double roll = rnd.nextDouble() * 160 - 80;
    double[] back = HeadPose.ofEulerDegrees(yaw, pitch, roll, 0, 0, 0).eulerDegrees();
    assertThat(back).containsExactly(new double[] {yaw, pitch, roll}, within(1e-9));
  }

  @Test
  void angleBetweenPosesIsTheRelativeRotation() {
    HeadPose a = HeadPose.ofEulerDegrees(10, 0, 0, 0, 0, 0);
    HeadPose b = HeadPose.ofEulerDegrees(25, 0, 0, 5, 0, 0);
    assertThat(a.angleToDegrees(b)).isCloseTo(15, within(1e-9));
  }

  private static Vector3D rotX(double deg, Vector3D p) {
    double c = Math.cos(Math.toRadians(deg)), s = Math.sin(Math.toRadians(deg));
    return new Vector3D(p.getX(), c * p.getY() - s * p.getZ(), s * p.getY() + c * p.getZ());
  }

  private static Vector3D rotY(double deg, Vector3D p) {
    double c = Math.cos(Math.toRadians(deg)), s = Math.sin(Math.toRadians(deg));
    return new Vector3D(c * p.getX() + s * p.getZ(), p.getY(), -s * p.getX() + c * p.getZ());
  }

  private static Vector3D rotZ(double deg, Vector3D p) {
    double c = Math.cos(Math.toRadians(deg)), s = Math.sin(Math.toRadians(deg));
    return new Vector3D(c * p.getX() - s * p.getY(), s * p.getX() + c * p.getY(), p.getZ());
  }
}
