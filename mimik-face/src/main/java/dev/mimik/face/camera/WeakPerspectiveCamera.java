package dev.mimik.face.camera;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * A scaled orthographic camera: {@code u = cx + s*x}, {@code v = cy - s*y}; depth is ignored. Good for faces far
 * from the camera compared with their depth, and for landmarks already normalised by a similarity transform.
 *
 * @param scale pixels per rig unit
 * @param cx image position of the camera-frame origin, pixels from the left
 * @param cy image position of the camera-frame origin, pixels from the top
 */
public record WeakPerspectiveCamera(double scale, double cx, double cy) implements Camera {

  @Override
  public Vector2D project(Vector3D p) {
    return new Vector2D(cx + scale * p.getX(), cy - scale * p.getY());
  }

  @Override
  public double[] jacobian(Vector3D p) {
    return new double[] {scale, 0, 0, 0, -scale, 0};
  }

  @Override
  public void project(double x, double y, double z, double[] uv, double[] jac) {
    uv[0] = cx + scale * x;
    uv[1] = cy - scale * y;
    jac[0] = scale;
    jac[1] = 0;
    jac[2] = 0;
    jac[3] = 0;
    jac[4] = -scale;
    jac[5] = 0;
  }

  @Override
  public Vector2D principalPoint() {
    return new Vector2D(cx, cy);
  }

  /** False: the image ignores depth. */
  @Override
  public boolean seesDepth() {
    return false;
  }

  /** The {@link #scale}. */
  @Override
  public double magnification() {
    return scale;
  }

  @Override
  public WeakPerspectiveCamera withMagnification(double pixelsPerUnit) {
    return new WeakPerspectiveCamera(pixelsPerUnit, cx, cy);
  }

  /** The point at depth 0 imaged there once the scale is {@code pixelsPerUnit}, for depth is not seen. */
  @Override
  public Vector3D unproject(double right, double up, double pixelsPerUnit) {
    return new Vector3D(right / pixelsPerUnit, up / pixelsPerUnit, 0);
  }
}
