package dev.mimik.face.rig.embedded;

/**
 * Where the features of MediaPipe's canonical face are, as vertex numbers and as smooth fields over space that
 * the expression targets are painted with (centimetres; +X is the subject's left).
 */
final class FaceAnatomy {

  /** Subject's right eye (-X): upper lid contour from the outer corner 33 to the inner corner 133. */
  static final int[] RIGHT_UPPER_LID = {33, 246, 161, 160, 159, 158, 157, 173, 133};
  static final int[] RIGHT_LOWER_LID = {33, 7, 163, 144, 145, 153, 154, 155, 133};
  /** Subject's left eye (+X): upper lid contour from the outer corner 263 to the inner corner 362. */
  static final int[] LEFT_UPPER_LID = {263, 466, 388, 387, 386, 385, 384, 398, 362};
  static final int[] LEFT_LOWER_LID = {263, 249, 390, 373, 374, 380, 381, 382, 362};
  /** Inner lip contours from the subject's right corner 78 to the left corner 308. */
  static final int[] UPPER_INNER_LIP = {78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308};
  static final int[] LOWER_INNER_LIP = {78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308};
  /** Mouth corners (outer lip contour). */
  static final int RIGHT_MOUTH_CORNER = 61;
  static final int LEFT_MOUTH_CORNER = 291;

  private final float[] v;

  FaceAnatomy(float[] neutral) {
    this.v = neutral;
  }

  double x(int i) {
    return v[3 * i];
  }

  double y(int i) {
    return v[3 * i + 1];
  }

  double z(int i) {
    return v[3 * i + 2];
  }

  /** The y of a contour at {@code x}, linearly interpolated between its vertices, constant beyond its ends. */
  double contourY(int[] contour, double x) {
    int n = contour.length;
    boolean increasing = x(contour[n - 1]) > x(contour[0]);
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int k = 0; k < n; k++) {
      int i = contour[increasing ? k : n - 1 - k];
      xs[k] = x(i);
      ys[k] = y(i);
    }
    if (x <= xs[0]) {
      return ys[0];
    }
    for (int k = 0; k < n - 1; k++) {
      if (x <= xs[k + 1]) {
        double t = (x - xs[k]) / Math.max(1e-9, xs[k + 1] - xs[k]);
        return ys[k] + t * (ys[k + 1] - ys[k]);
      }
    }
    return ys[n - 1];
  }

  /** The mouth slit: midway between the inner lips, rising from the corners toward the ears. */
  double slitY(double x) {
    double cornerX = x(LEFT_MOUTH_CORNER) - 0.3;
    double ax = Math.abs(x);
    if (ax <= cornerX) {
      return 0.5 * (contourY(UPPER_INNER_LIP, x) + contourY(LOWER_INNER_LIP, x));
    }
    double cornerY = 0.5 * (contourY(UPPER_INNER_LIP, Math.signum(x) * cornerX)
        + contourY(LOWER_INNER_LIP, Math.signum(x) * cornerX));
    return cornerY + 0.55 * (ax - cornerX);
  }

  /**
   * How much a point belongs to the lower jaw: 1 well below the mouth slit and jaw line, 0 above; the transition is
   * sharp between the lips (they separate there) and soft on the cheeks.
   */
  double jawWeight(double x, double y) {
    double cornerX = x(LEFT_MOUTH_CORNER);
    double band = 0.06 + 0.5 * smoothstep(cornerX - 0.4, cornerX + 2.5, Math.abs(x));
    return sigmoid((slitY(x) - y) / band);
  }

  /** Weight of the subject's left side: 0 on the right, 1 on the left, 0.5 on the midline. */
  static double leftSide(double x) {
    return smoothstep(-0.5, 0.5, x);
  }

  /** A centred Gaussian bump of radius (standard deviation) r, 1 at c. */
  static double bump(double x, double y, double z, double cx, double cy, double cz, double r) {
    double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz);
    return Math.exp(-d2 / (2 * r * r));
  }

  /** An anisotropic Gaussian in the image plane (depth ignored), for front-facing features. */
  static double bump2(double x, double y, double cx, double cy, double rx, double ry) {
    double e = (x - cx) * (x - cx) / (rx * rx) + (y - cy) * (y - cy) / (ry * ry);
    return Math.exp(-e / 2);
  }

  static double smoothstep(double a, double b, double x) {
    double t = clamp01((x - a) / (b - a));
    return t * t * (3 - 2 * t);
  }

  static double sigmoid(double s) {
    return 1 / (1 + Math.exp(-s));
  }

  static double clamp01(double t) {
    return t < 0 ? 0 : (t > 1 ? 1 : t);
  }
}
