package dev.mimik.face.camera;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * A projection from the camera frame (OpenGL convention: looking along -Z, +Y up) to image pixels
 * ({@code u} right, {@code v} down).
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
}
