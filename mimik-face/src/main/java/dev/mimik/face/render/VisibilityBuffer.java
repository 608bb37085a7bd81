package dev.mimik.face.render;

import java.util.Arrays;

/**
 * Per pixel, the nearest surface drawn so far: its depth (along the optical axis, mm), its triangle and the
 * perspective-correct barycentric weights of the triangle's second and third vertices (the first gets the rest).
 * Pixels are row-major, {@code y * width + x}; a pixel no triangle covers has triangle -1.
 */
public final class VisibilityBuffer {

  final int width;
  final int height;
  final float[] depth;
  final int[] triangle;
  final float[] b1;
  final float[] b2;
  final boolean[] back;

  public VisibilityBuffer(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    int n = width * height;
    depth = new float[n];
    triangle = new int[n];
    b1 = new float[n];
    b2 = new float[n];
    back = new boolean[n];
    clear();
  }

  /** Forgets everything drawn. */
  public void clear() {
    Arrays.fill(depth, Float.POSITIVE_INFINITY);
    Arrays.fill(triangle, -1);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The triangle seen at pixel {@code (x, y)}, or -1. */
  public int triangle(int x, int y) {
    return triangle[y * width + x];
  }

  /** The depth (mm along the optical axis) at pixel {@code (x, y)}, or infinity where nothing was drawn. */
  public float depth(int x, int y) {
    return depth[y * width + x];
  }

  /** Whether the surface at pixel {@code (x, y)} is seen from behind (the inside of the face). */
  public boolean backFacing(int x, int y) {
    return back[y * width + x];
  }

  /** The barycentric weights {@code {w0, w1, w2}} of the triangle's vertices at pixel {@code (x, y)}. */
  public float[] barycentric(int x, int y) {
    int k = y * width + x;
    return new float[] {1 - b1[k] - b2[k], b1[k], b2[k]};
  }

  /**
   * Whether a point at image position {@code (u, v)} of this buffer and depth {@code depth} (mm along the optical
   * axis) is in view: inside the image and not behind the nearest drawn surface by more than {@code toleranceMm}.
   */
  public boolean sees(double u, double v, double depth, double toleranceMm) {
    if (!(depth > 0) || !(u >= 0 && u < width && v >= 0 && v < height)) {
      return false;
    }
    return depth <= this.depth[(int) v * width + (int) u] + toleranceMm;
  }

  /** How many pixels some triangle covers. */
  public int coveredPixels() {
    int n = 0;
    for (int t : triangle) {
      if (t >= 0) {
        n++;
      }
    }
    return n;
  }
}
