package dev.mimik.face.eyes;

import dev.mimik.core.data.LandmarkSet;

/**
 * One eye in the iBUG-68 numbering: its corners and its upper/lower eyelid landmark pairs (one-to-one, upper first).
 * {@code RIGHT} is the subject's right eye (iBUG 36-41, image left), {@code LEFT} the subject's left (42-47).
 */
public enum Eye {
  RIGHT(36, 39, new int[] {37, 38}, new int[] {41, 40}),
  LEFT(42, 45, new int[] {43, 44}, new int[] {47, 46});

  private final int outerCorner;
  private final int innerCorner;
  private final int[] upper;
  private final int[] lower;

  Eye(int outerCorner, int innerCorner, int[] upper, int[] lower) {
    this.outerCorner = outerCorner;
    this.innerCorner = innerCorner;
    this.upper = upper;
    this.lower = lower;
  }

  /** iBUG indices of the two eye corners (the aperture's reference length). */
  public int[] corners() {
    return new int[] {outerCorner, innerCorner};
  }

  /** iBUG indices of the upper-lid landmarks, paired with {@link #lowerLid()} by position. */
  public int[] upperLid() {
    return upper.clone();
  }

  /** iBUG indices of the lower-lid landmarks, paired with {@link #upperLid()} by position. */
  public int[] lowerLid() {
    return lower.clone();
  }

  /**
   * Aperture ratio of this eye in a frame of 2D points (x0, y0, x1, y1, ... in the set's order): the mean distance
   * between paired upper and lower lid landmarks across the eye (the part of their difference perpendicular to the
   * corner-to-corner axis, so a pair that is not exactly above one another still reads 0 when the lids meet),
   * divided by the corner-to-corner distance (an eye aspect ratio). NaN when a needed landmark is missing.
   */
  public double aperture(double[] points, LandmarkSet set) {
    return aperture(points, set, 2);
  }

  private double aperture(double[] points, LandmarkSet set, int dims) {
    double[] axis = difference(points, set.positionOf(innerCorner), set.positionOf(outerCorner), dims);
    double width = Math.sqrt(dot(axis, axis));
    double gap = 0;
    for (int i = 0; i < upper.length; i++) {
      double[] d = difference(points, set.positionOf(lower[i]), set.positionOf(upper[i]), dims);
      double along = dot(d, axis) / width;
      gap += Math.sqrt(Math.max(0, dot(d, d) - along * along));
    }
    return gap / upper.length / width;
  }

  /**
   * Aperture ratio of this eye on a 3D mesh in rig axes (no head pose): the same ratio between the rig's landmark
   * vertices seen from the front (x and y), as a camera facing the face sees the eye. Depth is left out because a
   * closed upper lid lies in front of the lower one (it covers the eyeball), not on it.
   */
  public double aperture(float[] mesh, int[] landmarkVertices) {
    double[] p = new double[2 * 68];
    for (int j = 0; j < 68; j++) {
      for (int c = 0; c < 2; c++) {
        p[2 * j + c] = mesh[3 * landmarkVertices[j] + c];
      }
    }
    return aperture(p, LandmarkSet.IBUG_68, 2);
  }

  /** {@code p[a] - p[b]}. */
  static double[] difference(double[] p, int a, int b, int dims) {
    double[] d = new double[dims];
    for (int c = 0; c < dims; c++) {
      d[c] = p[dims * a + c] - p[dims * b + c];
    }
    return d;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int c = 0; c < a.length; c++) {
      s += a[c] * b[c];
    }
    return s;
  }
}
