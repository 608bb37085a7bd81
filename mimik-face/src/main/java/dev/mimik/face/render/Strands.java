package dev.mimik.face.render;

/**
 * Facial hair as strands: the neutral face is cut into thin vertical cells (0.35 mm wide, 1.5 mm tall, offset per
 * column) and a cell holds a hair when its hash falls below the coverage, so hairs stay put on the skin as the face
 * moves and the pattern is the same in every frame and camera.
 */
final class Strands {

  private static final double CELL_X_MM = 0.35;
  private static final double CELL_Y_MM = 1.5;

  private Strands() {}

  /** Whether the neutral-face point {@code (x, y, z)} (mm) lies on a hair at coverage {@code coverage}. */
  static boolean covered(double x, double y, double z, double coverage) {
    long ix = (long) Math.floor(x / CELL_X_MM);
    long iz = (long) Math.floor(z / (2 * CELL_X_MM));
    double offset = (mix(ix * 31 + iz) & 0xffff) / 65536.0;
    long iy = (long) Math.floor(y / CELL_Y_MM + offset);
    long h = mix(ix * 0x9E3779B97F4A7C15L + iy * 0xC2B2AE3D27D4EB4FL + iz * 0x165667B19E3779F9L);
    return (h >>> 11) * 0x1.0p-53 < coverage * 0.85;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
