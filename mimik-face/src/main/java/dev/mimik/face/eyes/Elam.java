package dev.mimik.face.eyes;

import dev.mimik.core.data.LandmarkSet;

/**
 * The eyelid landmark adjustment module (ELAM): before fitting, each upper-lid landmark is moved toward its paired
 * lower-lid landmark in proportion to the eye's closure probability P, across the eye only:
 * {@code upper' = upper + P (lower - upper)_perp}, where {@code _perp} is the part perpendicular to the
 * corner-to-corner axis. P = 1 puts the upper lid on the lower one's level (a closed eye), P = 0.5 half way (a
 * half-closed eye), P = 0 leaves it.
 *
 * <p>This is the paper's rule (its equation 4, {@code y_u' = y_u + P (y_l - y_u)}) in the eye's own frame: on an
 * upright face the perpendicular is the image y axis; under head roll the rule still closes the eye. The lid pairs
 * are not exactly above one another (iBUG 37 sits left of 41), so the x coordinate along the eye is kept, as the
 * paper keeps x. Lower lids and all other landmarks are left as they are; an eye with a missing (NaN) landmark is
 * left alone.
 */
public final class Elam {

  private Elam() {}

  /**
   * The adjusted frame (a new array; the input is unchanged).
   *
   * @param points x0, y0, x1, y1, ... in the set's order
   * @param states one state per eye in {@link Eye} order
   */
  public static double[] adjust(double[] points, LandmarkSet set, EyeState[] states) {
    double[] out = points.clone();
    for (Eye eye : Eye.values()) {
      double p = states[eye.ordinal()].closure();
      int[] upper = eye.upperLid();
      int[] lower = eye.lowerLid();
      int[] corners = eye.corners();
      double[] axis = Eye.difference(points, set.positionOf(corners[1]), set.positionOf(corners[0]), 2);
      double width2 = Eye.dot(axis, axis);
      for (int i = 0; i < upper.length; i++) {
        int u = set.positionOf(upper[i]);
        double[] d = Eye.difference(points, set.positionOf(lower[i]), u, 2);
        double along = Eye.dot(d, axis) / width2;
        double dx = d[0] - along * axis[0];
        double dy = d[1] - along * axis[1];
        if (Double.isFinite(dx) && Double.isFinite(dy) && width2 > 0) {
          out[2 * u] = points[2 * u] + p * dx;
          out[2 * u + 1] = points[2 * u + 1] + p * dy;
        }
      }
    }
    return out;
  }

  /** Adjusts every frame of a sequence with its states ({@code [frame][eye]}). */
  public static double[][] adjust(double[][] frames, LandmarkSet set, EyeState[][] states) {
    double[][] out = new double[frames.length][];
    for (int f = 0; f < frames.length; f++) {
      out[f] = adjust(frames[f], set, states[f]);
    }
    return out;
  }
}
