package dev.mimik.signal;

import java.util.Arrays;

/**
 * Medians: of a whole array and running over a centred window. Robust where a mean is not: a running median follows a
 * slow baseline through short excursions (blinks, saccades) that would pull a running mean.
 */
public final class RunningMedian {

  private RunningMedian() {}

  /** The running median over {@code +-half} samples at every sample (the window shrinks at the ends). */
  public static double[] of(double[] x, int half) {
    int n = x.length;
    double[] y = new double[n];
    double[] scratch = new double[2 * half + 1];
    for (int c = 0; c < n; c++) {
      int from = Math.max(0, c - half);
      int to = Math.min(n, c + half + 1);
      System.arraycopy(x, from, scratch, 0, to - from);
      y[c] = median(scratch, to - from);
    }
    return y;
  }

  /** The median of the first {@code count} values of {@code a} (mean of the middle two when even); sorts them. */
  public static double median(double[] a, int count) {
    Arrays.sort(a, 0, count);
    return count % 2 == 1 ? a[count / 2] : 0.5 * (a[count / 2 - 1] + a[count / 2]);
  }
}
