package dev.mimik.sim.camera;

import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.RotationOrder;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Head pose plus pinhole projection as the agreed {@code dev.mimik.face.camera} API specifies them
 * ({@code HeadPose.ofEulerDegrees(yaw, pitch, roll, tx, ty, tz).apply(p)} then
 * {@code PinholeCamera.project}: {@code u = cx + f x / (-z)}, {@code v = cy - f y / (-z)}); stands in until that
 * package is on main, then {@link #pose} and {@link #project} delegate to it.
 */
final class SpecCamera {

  private final double focalPx;
  private final double cx;
  private final double cy;

  SpecCamera(double focalPx, double cx, double cy) {
    this.focalPx = focalPx;
    this.cx = cx;
    this.cy = cy;
  }

  /** The rotation of a pose (yaw, pitch, roll in degrees; R = Ry * Rx * Rz). */
  static Rotation pose(double yawDeg, double pitchDeg, double rollDeg) {
    return new Rotation(RotationOrder.YXZ, RotationConvention.VECTOR_OPERATOR,
        Math.toRadians(yawDeg), Math.toRadians(pitchDeg), Math.toRadians(rollDeg));
  }

  /** Pixel {u, v} of a camera-frame point, written into {@code out} at {@code at}. */
  void project(Vector3D p, double[] out, int at) {
    double z = -p.getZ();
    out[at] = cx + focalPx * p.getX() / z;
    out[at + 1] = cy - focalPx * p.getY() / z;
  }
}
