package dev.mimik.face.headset;

import dev.mimik.face.camera.Camera;
import dev.mimik.face.camera.FisheyeCamera;
import dev.mimik.face.camera.PinholeCamera;
import java.util.Locale;

/**
 * A headset camera's lens and sensor as described (e.g. 400x400): the projection model, the focal length in pixels
 * at the described resolution and the principal point. Images may be rendered at any lower size: {@link #camera}
 * scales the focal length and principal point with the image.
 *
 * @param model pinhole or fisheye (equidistant)
 * @param focalPx focal length in pixels at the described resolution
 * @param cx principal point at the described resolution, pixels from the left
 * @param cy principal point at the described resolution, pixels from the top
 * @param width described image width in pixels
 * @param height described image height in pixels
 */
public record Intrinsics(Model model, double focalPx, double cx, double cy, int width, int height) {

  /** Projection models. */
  public enum Model {
    PINHOLE,
    FISHEYE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Intrinsics {
    java.util.Objects.requireNonNull(model, "model");
    if (!(focalPx > 0) || width <= 0 || height <= 0) {
      throw new IllegalArgumentException("focal length and resolution must be positive");
    }
  }

  /** Intrinsics with the principal point at the centre and a horizontal field of view across the width. */
  public static Intrinsics ofFov(Model model, double fovDegrees, int width, int height) {
    double half = Math.toRadians(fovDegrees) / 2;
    double f = model == Model.PINHOLE ? 0.5 * width / Math.tan(half) : 0.5 * width / half;
    return new Intrinsics(model, f, width / 2.0, height / 2.0, width, height);
  }

  /** The horizontal field of view across the described width, in degrees (principal point centred). */
  public double horizontalFovDegrees() {
    double half = 0.5 * width / focalPx;
    return Math.toDegrees(2 * (model == Model.PINHOLE ? Math.atan(half) : half));
  }

  /** The projection for an image of {@code w x h} pixels: the description scaled to that size. */
  public Camera camera(int w, int h) {
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + w + "x" + h);
    }
    double sx = (double) w / width;
    double sy = (double) h / height;
    double f = focalPx * sx;
    return model == Model.PINHOLE
        ? new PinholeCamera(f, cx * sx, cy * sy, w, h)
        : new FisheyeCamera(f, cx * sx, cy * sy, w, h);
  }

  /** The projection at the described resolution. */
  public Camera camera() {
    return camera(width, height);
  }
}
