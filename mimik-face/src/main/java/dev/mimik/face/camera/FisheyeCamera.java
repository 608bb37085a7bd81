package dev.mimik.face.camera;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * An equidistant fisheye camera: a ray at angle {@code theta} from the optical axis (-Z) lands {@code f * theta}
 * pixels from the principal point, so fields of view near 180 degrees fit in a finite image, as with the wide
 * lenses of headset face cameras. Points in front have {@code z < 0}; {@code v} grows downward.
 *
 * @param focalPx focal length in pixels (pixels per radian off the axis)
 * @param cx principal point, pixels from the left
 * @param cy principal point, pixels from the top
 * @param width image width in pixels
 * @param height image height in pixels
 */
public record FisheyeCamera(double focalPx, double cx, double cy, int width, int height) implements Camera {

  /** Below this ratio of off-axis distance to depth, the series expansion at the axis is used. */
  private static final double NEAR_AXIS = 1e-6;

  public FisheyeCamera {
    if (!(focalPx > 0) || width <= 0 || height <= 0) {
      throw new IllegalArgumentException("focal length and image size must be positive");
    }
  }

  /** A camera with its principal point at the image centre whose width spans {@code fovDegrees}. */
  public static FisheyeCamera ofHorizontalFov(double fovDegrees, int width, int height) {
    double f = 0.5 * width / (Math.toRadians(fovDegrees) / 2);
    return new FisheyeCamera(f, width / 2.0, height / 2.0, width, height);
  }

  @Override
  public Vector2D project(Vector3D p) {
    double rho = Math.sqrt(p.getX() * p.getX() + p.getY() * p.getY());
    double d = -p.getZ();
    double s = rho < NEAR_AXIS * Math.abs(d) ? 1 / d : Math.atan2(rho, d) / rho;
    return new Vector2D(cx + focalPx * s * p.getX(), cy - focalPx * s * p.getY());
  }

  @Override
  public double[] jacobian(Vector3D p) {
    double x = p.getX();
    double y = p.getY();
    double d = -p.getZ();
    double rho2 = x * x + y * y;
    double rho = Math.sqrt(rho2);
    double r2 = rho2 + d * d;
    double s;
    double g;
    if (rho < NEAR_AXIS * Math.abs(d)) {
      s = 1 / d;
      g = -2 / (3 * d * d * d);
    } else {
      s = Math.atan2(rho, d) / rho;
      g = (d / r2 - s) / rho2;
    }
    double f = focalPx;
    return new double[] {
      f * (s + g * x * x), f * g * x * y, f * x / r2,
      -f * g * x * y, -f * (s + g * y * y), -f * y / r2
    };
  }
}
