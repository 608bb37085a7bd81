package dev.mimik.face.camera;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * A projection from the camera frame (OpenGL convention: looking along -Z, +Y up) to image pixels
 * ({@code u} right, {@code v} down).
 *
 * <p>Besides projecting, a camera tells a fitter what it can see: whether images depend on depth, where its
 * principal point is and how deep a face of a given image size stands. Every method but {@link #project(Vector3D)}
 * has a default, so a camera model plugs into the fitter by implementing that one; closed forms make it faster,
 * {@link #principalPoint} and {@link #unproject} give it a better first pose, and a camera blind to depth also
 * answers {@link #seesDepth} and implements the magnification methods.
 */
public interface Camera {

  /** Image position in pixels of a point given in the camera frame. */
  Vector2D project(Vector3D p);

  /**
   * The 2x3 Jacobian of {@link #project} at {@code p}, row-major {@code {du/dx, du/dy, du/dz, dv/dx, dv/dy, dv/dz}};
   * used by fitters. The default uses central differences; implementations give it in closed form.
   */
  default double[] jacobian(Vector3D p) {
    double h = 1e-6 * Math.max(1.0, p.getNorm());
    double[] j = new double[6];
    for (int k = 0; k < 3; k++) {
      Vector3D step = new Vector3D(k == 0 ? h : 0, k == 1 ? h : 0, k == 2 ? h : 0);
      Vector2D plus = project(p.add(step));
      Vector2D minus = project(p.subtract(step));
      j[k] = (plus.getX() - minus.getX()) / (2 * h);
      j[3 + k] = (plus.getY() - minus.getY()) / (2 * h);
    }
    return j;
  }

  /**
   * {@link #project(Vector3D)} and {@link #jacobian} at once, written into {@code uv} ({@code u, v}) and {@code jac}
   * (2x3, row-major as {@link #jacobian}) without allocating: fitters project every landmark many times a frame. The
   * default calls the two methods; implementations write both in closed form.
   */
  default void project(double x, double y, double z, double[] uv, double[] jac) {
    Vector3D p = new Vector3D(x, y, z);
    Vector2D image = project(p);
    uv[0] = image.getX();
    uv[1] = image.getY();
    System.arraycopy(jacobian(p), 0, jac, 0, 6);
  }

  /**
   * Image position in pixels where the camera's axis meets the image, the centre about which a face's image grows
   * as it comes nearer. The default is the image origin.
   */
  default Vector2D principalPoint() {
    return Vector2D.ZERO;
  }

  /**
   * Whether the image of a point depends on its depth. A fitter can place a face in depth only through a camera
   * that sees depth; through one that does not (an orthographic camera) it fits the camera's
   * {@link #magnification} instead.
   */
  default boolean seesDepth() {
    return true;
  }

  /** Pixels per unit of a camera that does not see depth; one that does has no single magnification. */
  default double magnification() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " sees depth: its magnification varies");
  }

  /**
   * This camera with another {@link #magnification}, its principal point kept; a camera that does not see depth
   * implements it, so that a fitter can estimate its magnification.
   */
  default Camera withMagnification(double pixelsPerUnit) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " sees depth: its magnification varies");
  }

  /**
   * A camera-frame point imaged {@code right} pixels right of and {@code up} pixels above the principal point, at
   * the depth where one unit near the axis spans {@code pixelsPerUnit} pixels: how a fitter turns the position and
   * size of a face in the image into a first 3D position. The default, knowing no focal length, puts the point one
   * unit in front of the camera.
   */
  default Vector3D unproject(double right, double up, double pixelsPerUnit) {
    return new Vector3D(right / pixelsPerUnit, up / pixelsPerUnit, -1);
  }
}
