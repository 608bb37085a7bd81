package dev.mimik.face.headset;

import dev.mimik.face.camera.Camera;
import java.util.Objects;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * One camera of a headset: its pose in the head frame and its intrinsics.
 *
 * <p>The camera frame follows {@code face.camera}: the camera looks along its -Z, +Y up, +X right.
 * {@code orientation} takes camera-frame directions to head-frame directions; with the identity the camera looks
 * along the head's -Z, i.e. at the face from the front.
 *
 * @param name a short unique name, also the folder of its images ({@code eye_left})
 * @param role the region it is placed to see
 * @param side the subject's side it looks at (left views are mirrored)
 * @param groundTruth whether it is one of a data-collection headset's extra cameras (REFA Fig. 2), used for labels only
 * @param positionMm the optical centre in the head frame, millimetres
 * @param orientation camera-frame to head-frame rotation
 * @param intrinsics lens and sensor as described
 */
public record HeadsetCamera(String name, CameraRole role, Side side, boolean groundTruth, Vector3D positionMm,
    Rotation orientation, Intrinsics intrinsics) {

  public HeadsetCamera {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(positionMm, "positionMm");
    Objects.requireNonNull(orientation, "orientation");
    Objects.requireNonNull(intrinsics, "intrinsics");
  }

  /**
   * The orientation of a camera at {@code position} looking at {@code target}, its image up as close to the head's
   * +Y as the view allows (the head's +Z when looking straight up or down), then rolled by {@code rollDeg}
   * (positive turns the image content clockwise).
   */
  public static Rotation lookAt(Vector3D position, Vector3D target, double rollDeg) {
    Vector3D forward = target.subtract(position);
    if (forward.getNorm() < 1e-9) {
      throw new IllegalArgumentException("a camera cannot look at its own position");
    }
    forward = forward.normalize();
    Vector3D up = Math.abs(forward.getY()) > 0.999 ? Vector3D.PLUS_K : Vector3D.PLUS_J;
    Vector3D right = Vector3D.crossProduct(forward, up).normalize();
    Vector3D trueUp = Vector3D.crossProduct(right, forward);
    double r = Math.toRadians(rollDeg);
    Vector3D rolledRight = right.scalarMultiply(Math.cos(r)).add(trueUp.scalarMultiply(-Math.sin(r)));
    Vector3D rolledUp = Vector3D.crossProduct(rolledRight, forward);
    // columns: camera +X, +Y, +Z (= -forward) in head coordinates
    double[][] m = {
      {rolledRight.getX(), rolledUp.getX(), -forward.getX()},
      {rolledRight.getY(), rolledUp.getY(), -forward.getY()},
      {rolledRight.getZ(), rolledUp.getZ(), -forward.getZ()},
    };
    return new Rotation(m, 1e-9);
  }

  /** A head-frame point in this camera's frame. */
  public Vector3D toCamera(Vector3D headPointMm) {
    return orientation.applyInverseTo(headPointMm.subtract(positionMm));
  }

  /** The unit direction, in the head frame, along which the camera looks. */
  public Vector3D opticalAxis() {
    return orientation.applyTo(Vector3D.MINUS_K);
  }

  /** The projection for an image of {@code width} pixels (the height keeps the described aspect). */
  public Camera projection(int width) {
    return intrinsics.camera(width, renderHeight(width));
  }

  /** The image height that keeps the described aspect at {@code width} pixels. */
  public int renderHeight(int width) {
    return Math.max(1, (int) Math.round((double) width * intrinsics.height() / intrinsics.width()));
  }

  /** The same camera where a donning puts it. */
  public HeadsetCamera donned(Donning d) {
    return new HeadsetCamera(name, role, side, groundTruth, d.apply(positionMm),
        d.rotation().compose(orientation, RotationConvention.VECTOR_OPERATOR), intrinsics);
  }
}
