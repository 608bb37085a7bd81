package dev.mimik.face.render;

/**
 * A spectacle frame: two rims in front of the eyes joined by a bridge, with temples back to the ears.
 *
 * @param rimWidthMm width of one rim
 * @param rimHeightMm height of one rim
 * @param barMm thickness of the frame's bars (front view)
 * @param vertexDistanceMm distance from the corneas to the rims
 * @param dropMm how far the rims' centres sit below the pupils
 * @param albedo reflectance of the frame
 */
public record GlassesStyle(double rimWidthMm, double rimHeightMm, double barMm, double vertexDistanceMm,
    double dropMm, double albedo) {

  /** A typical plastic frame. */
  public static GlassesStyle typical() {
    return new GlassesStyle(50, 36, 4, 12, 3, 0.1);
  }
}
