package dev.mimik.face.camera;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * A perspective camera without distortion: {@code u = cx + f*x/(-z)}, {@code v = cy - f*y/(-z)}; points in front
 * of it have {@code z < 0}.
 *
 * @param focalPx focal length in pixels
 * @param cx principal point, pixels from the left
 * @param cy principal point, pixels from the top
 * @param width image width in pixels
 * @param height image height in pixels
 */
public record PinholeCamera(double focalPx, double cx, double cy, int width, int height) implements Camera {

  public PinholeCamera {
    if (!(focalPx > 0) || width <= 0 || height <= 0) {
      throw new IllegalArgumentException("focal length and image size must be positive");
    }
  }

  /** A camera with its principal point at the image centre and the given horizontal field of view. */
  public static PinholeCamera ofHorizontalFov(double fovDegrees, int width, int height) {
    double f = 0.5 * width / Math.tan(Math.toRadians(fovDegrees) / 2);
    return new PinholeCamera(f, width / 2.0, height / 2.0, width, height);
  }

  @Override
  public Vector2D project(Vector3D p) {
    double depth = -p.getZ();
    return new Vector2D(cx + focalPx * p.getX() / depth, cy - focalPx * p.getY() / depth);
  }

  @Override
  public double[] jacobian(Vector3D p) {
    double depth = -p.getZ();
    double a = focalPx / depth;
    return new double[] {
      a, 0, a * p.getX() / depth,
      0, -a, -a * p.getY() / depth
    };
  }

  @Override
  public void project(double x, double y, double z, double[] uv, double[] jac) {
    double depth = -z;
    double a = focalPx / depth;
    uv[0] = cx + a * x;
    uv[1] = cy - a * y;
    jac[0] = a;
    jac[1] = 0;
    jac[2] = a * x / depth;
    jac[3] = 0;
    jac[4] = -a;
    jac[5] = -a * y / depth;
  }

  @Override
  public Vector2D principalPoint() {
    return new Vector2D(cx, cy);
  }

  @Override
  public Vector3D unproject(double right, double up, double pixelsPerUnit) {
    double depth = focalPx / pixelsPerUnit;
    return new Vector3D(right * depth / focalPx, up * depth / focalPx, -depth);
  }
}
