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
}
