package dev.mimik.face.fit;

/**
 * The landmarks observed in one frame: x0, y0, x1, y1, ... in pixels, which of them are present (finite), and the
 * diagonal of their bounding box, by which pixel residuals are divided so that fit settings do not depend on the
 * size of the face in the image.
 */
final class Observation {

  final double[] xy;
  final boolean[] valid;
  final double norm;

  Observation(double[] xy, int points) {
    if (xy.length != 2 * points) {
      throw new IllegalArgumentException("expected " + 2 * points + " coordinates (" + points + " landmarks), got "
          + xy.length);
    }
    this.xy = xy;
    this.valid = new boolean[points];
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < points; j++) {
      double x = xy[2 * j];
      double y = xy[2 * j + 1];
      valid[j] = Double.isFinite(x) && Double.isFinite(y);
      if (valid[j]) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
    double diag = Math.hypot(maxX - minX, maxY - minY);
    this.norm = diag > 0 && Double.isFinite(diag) ? diag : 1;
  }
}
