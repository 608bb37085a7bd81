package dev.mimik.face.camera;

import java.util.Objects;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.RotationOrder;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The rigid placement of a rig in the camera frame: {@code p_camera = rotation(p_rig) + translation}.
 *
 * <p>Euler angles (degrees) are right-handed rotations about the rig axes, composed as
 * {@code R = Ry(yaw) * Rx(pitch) * Rz(roll)} (roll applied first): positive yaw turns the face toward the
 * subject's left (+X), positive pitch tips the face down (the +Z gaze toward -Y), positive roll tilts the head
 * toward the subject's right shoulder seen from the front (+X toward +Y).
 *
 * @param rotation rotation applied to rig points (a vector operator)
 * @param translation position of the rig origin in the camera frame, in rig units
 */
public record HeadPose(Rotation rotation, Vector3D translation) {

  public HeadPose {
    Objects.requireNonNull(rotation, "rotation");
    Objects.requireNonNull(translation, "translation");
  }

  /** No rotation, rig origin at the camera origin. */
  public static HeadPose identity() {
    return new HeadPose(Rotation.IDENTITY, Vector3D.ZERO);
  }

  /** A pose from yaw, pitch and roll in degrees (see the class comment) and a translation in rig units. */
  public static HeadPose ofEulerDegrees(double yaw, double pitch, double roll, double tx, double ty, double tz) {
    Rotation r = new Rotation(RotationOrder.YXZ, RotationConvention.VECTOR_OPERATOR,
        Math.toRadians(yaw), Math.toRadians(pitch), Math.toRadians(roll));
    return new HeadPose(r, new Vector3D(tx, ty, tz));
  }

  /** A rig point placed in the camera frame. */
  public Vector3D apply(Vector3D rigPoint) {
    return rotation.applyTo(rigPoint).add(translation);
  }

  /** {@code {yaw, pitch, roll}} in degrees, the inverse of {@link #ofEulerDegrees}. */
  public double[] eulerDegrees() {
    double[] a = rotation.getAngles(RotationOrder.YXZ, RotationConvention.VECTOR_OPERATOR);
    return new double[] {Math.toDegrees(a[0]), Math.toDegrees(a[1]), Math.toDegrees(a[2])};
  }

  /** The rotation as a row-major 3x3 matrix acting on column vectors. */
  public double[][] rotationMatrix() {
    return rotation.getMatrix();
  }

  /** Angle in degrees of the rotation that takes this pose's rotation to the other's. */
  public double angleToDegrees(HeadPose other) {
    return Math.toDegrees(Rotation.distance(rotation, other.rotation));
  }
}
