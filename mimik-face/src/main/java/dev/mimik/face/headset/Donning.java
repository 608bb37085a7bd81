package dev.mimik.face.headset;

import dev.mimik.face.camera.HeadPose;
import java.util.Objects;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * How a headset sits on a head: a rigid offset of the whole headset (cameras and illuminators) from its nominal
 * placement, rotating about the head-frame origin (between the eyes) and then shifting. People put a headset on a
 * little differently every session, and it slips slowly while worn.
 *
 * @param rotation rotation of the headset about the head-frame origin
 * @param offsetMm translation in millimetres, applied after the rotation
 */
public record Donning(Rotation rotation, Vector3D offsetMm) {

  public Donning {
    Objects.requireNonNull(rotation, "rotation");
    Objects.requireNonNull(offsetMm, "offsetMm");
  }

  /** The nominal placement. */
  public static Donning none() {
    return new Donning(Rotation.IDENTITY, Vector3D.ZERO);
  }

  /**
   * An offset from a translation (mm) and yaw, pitch, roll (degrees, composed as {@code Ry * Rx * Rz} like
   * {@code face.camera.HeadPose}).
   */
  public static Donning of(double txMm, double tyMm, double tzMm, double yawDeg, double pitchDeg, double rollDeg) {
    HeadPose p = HeadPose.ofEulerDegrees(yawDeg, pitchDeg, rollDeg, txMm, tyMm, tzMm);
    return new Donning(p.rotation(), p.translation());
  }

  /** A head-frame point of the nominal headset moved to where this donning puts it. */
  public Vector3D apply(Vector3D point) {
    return rotation.applyTo(point).add(offsetMm);
  }

  /** {@code {tx, ty, tz, yaw, pitch, roll}} in millimetres and degrees. */
  public double[] components() {
    double[] a = new HeadPose(rotation, offsetMm).eulerDegrees();
    return new double[] {offsetMm.getX(), offsetMm.getY(), offsetMm.getZ(), a[0], a[1], a[2]};
  }
}
