package dev.mimik.signal;

import java.util.Arrays;
import org.hipparchus.util.KthSelector;
import org.hipparchus.util.PivotingStrategy;

/**
 * Medians: of a whole array and running over a centred window. Robust where a mean is not: a running median follows a
 * slow baseline through short excursions (blinks, saccades) that would pull a running mean.
 *
 * <p>Values are ordered as {@link Arrays#sort(double[])} orders them (NaN above everything), so the results are
 * those of sorting each window.
 */
public final class RunningMedian {

  private RunningMedian() {}

  /**
   * The running median over {@code +-half} samples at every sample (the window shrinks at the ends). The window is
   * kept sorted as it slides: each step removes the sample leaving and inserts the one entering.
   */
  public static double[] of(double[] x, int half) {
    int n = x.length;
    double[] y = new double[n];
    double[] window = new double[Math.min(n, 2 * half + 1)];
    int size = 0;
    for (int i = 0; i < Math.min(n, half + 1); i++) {
      size = insert(window, size, x[i]);
    }
    for (int c = 0; c < n; c++) {
      if (c > 0) {
        int leaving = c - half - 1;
        if (leaving >= 0) {
          size = remove(window, size, x[leaving]);
        }
        int entering = c + half;
        if (entering < n) {
          size = insert(window, size, x[entering]);
        }
      }
      y[c] = size % 2 == 1 ? window[size / 2] : 0.5 * (window[size / 2 - 1] + window[size / 2]);
    }
    return y;
  }

  private static int insert(double[] sorted, int size, double v) {
    int at = Arrays.binarySearch(sorted, 0, size, v);
    at = at < 0 ? -at - 1 : at;
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = v;
    return size + 1;
  }

  private static int remove(double[] sorted, int size, double v) {
    int at = Arrays.binarySearch(sorted, 0, size, v);
    System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
    return size - 1;
  }

  /**
   * The median of the first {@code count} values of {@code a} (mean of the middle two when even), by selection
   * (Hipparchus {@link KthSelector}) rather than a full sort; reorders them.
   */
  public static double median(double[] a, int count) {
    double[] work = count == a.length ? a : Arrays.copyOf(a, count);
    for (int i = 0; i < count; i++) {
      if (Double.isNaN(work[i])) {
        Arrays.sort(work, 0, count);
        return count % 2 == 1 ? work[count / 2] : 0.5 * (work[count / 2 - 1] + work[count / 2]);
      }
    }
    KthSelector selector = new KthSelector(PivotingStrategy.MEDIAN_OF_3);
    double upper = selector.select(work, null, count / 2);
    if (count % 2 == 1) {
      return upper;
    }
    double lower = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count / 2; i++) {
      lower = Math.max(lower, work[i]);
    }
    return 0.5 * (lower + upper);
  }
}
