package dev.mimik.face.align;

/**
 * A 2D similarity transform {@code p' = scale * R(angle) * p + (tx, ty)}: uniform scale, rotation (counter-clockwise
 * in a y-up frame, clockwise on screen where y grows downward) and translation; never a reflection.
 *
 * @param scale uniform scale, positive
 * @param angleRadians rotation angle
 * @param tx translation along x
 * @param ty translation along y
 */
public record SimilarityTransform(double scale, double angleRadians, double tx, double ty) {

  public SimilarityTransform {
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("scale must be positive and finite: " + scale);
    }
  }

  /** The transform that changes nothing. */
  public static SimilarityTransform identity() {
    return new SimilarityTransform(1, 0, 0, 0);
  }

  /** Applies the transform to flat points {@code x0, y0, x1, y1, ...} (a new array; NaN points stay NaN). */
  public double[] apply(double[] points) {
    double c = scale * Math.cos(angleRadians);
    double s = scale * Math.sin(angleRadians);
    double[] out = new double[points.length];
    for (int i = 0; i + 1 < points.length; i += 2) {
      double x = points[i];
      double y = points[i + 1];
      out[i] = c * x - s * y + tx;
      out[i + 1] = s * x + c * y + ty;
    }
    return out;
  }

  /** The transform that undoes this one. */
  public SimilarityTransform inverse() {
    double c = Math.cos(angleRadians) / scale;
    double s = Math.sin(angleRadians) / scale;
    // R^T / scale applied to -t
    return new SimilarityTransform(1 / scale, -angleRadians, -(c * tx + s * ty), -(-s * tx + c * ty));
  }

  /** This transform followed by {@code next}. */
  public SimilarityTransform andThen(SimilarityTransform next) {
    double[] t = next.apply(new double[] {tx, ty});
    return new SimilarityTransform(scale * next.scale, angleRadians + next.angleRadians, t[0], t[1]);
  }
}
