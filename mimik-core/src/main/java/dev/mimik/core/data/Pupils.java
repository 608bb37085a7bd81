package dev.mimik.core.data;

/**
 * The pupils of a landmark frame in the extended iBUG numbering: {@link LandmarkSet#PUPIL_A} is the pupil of the eye
 * of points 36-41, {@link LandmarkSet#PUPIL_B} of 42-47. Detectors name their two eyes differently (left in the
 * image, or the subject's left), so a reader gives each pupil it finds to the eye it lies in.
 */
public final class Pupils {

  private Pupils() {}

  /**
   * Writes two pupils {@code {x, y}} into slots 68 and 69 of {@code frame} (x0, y0, ..., 140 values, the 68 face
   * points already in place), each to the eye whose six points' centre is nearer: the first decides, or the second
   * when the first is missing (NaN); with an eye missing too, the order given stands.
   */
  public static void place(double[] frame, double[] first, double[] second) {
    double[] a = centre(frame, 36);
    double[] b = centre(frame, 42);
    boolean swap = Double.isFinite(first[0] + first[1]) ? distance(first, b) < distance(first, a)
        : distance(second, a) < distance(second, b);
    double[] pa = swap ? second : first;
    double[] pb = swap ? first : second;
    frame[2 * LandmarkSet.PUPIL_A] = pa[0];
    frame[2 * LandmarkSet.PUPIL_A + 1] = pa[1];
    frame[2 * LandmarkSet.PUPIL_B] = pb[0];
    frame[2 * LandmarkSet.PUPIL_B + 1] = pb[1];
  }

  private static double[] centre(double[] frame, int first) {
    double x = 0;
    double y = 0;
    for (int i = first; i < first + 6; i++) {
      x += frame[2 * i] / 6;
      y += frame[2 * i + 1] / 6;
    }
    return new double[] {x, y};
  }

  /** The distance of two points; infinite when either is missing, so that a missing point never decides. */
  private static double distance(double[] p, double[] q) {
    double d = Math.hypot(p[0] - q[0], p[1] - q[1]);
    return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
  }
}
