package dev.mimik.learn.eifer;

/**
 * Feature rows of the EIFER maps: for each frame, the values of {@code window} frames centred on it (edges repeat
 * the first or last frame), flattened channel-major. Envelopes enter as logarithms, since muscle activity spans
 * decades between rest and full contraction.
 */
public final class FrameWindows {

  /** Smallest envelope value taken, uV: the log of a zero (a dead channel) stays finite. */
  public static final double FLOOR = 1e-3;

  private FrameWindows() {}

  /** Rows {@code [frame][channel * window + offset]} of {@code values [frame][channel]}. */
  public static double[][] of(double[][] values, int window) {
    if (window < 1 || window % 2 == 0) {
      throw new IllegalArgumentException("the window must be a positive odd number of frames: " + window);
    }
    int n = values.length;
    int k = values[0].length;
    int half = window / 2;
    double[][] out = new double[n][k * window];
    for (int f = 0; f < n; f++) {
      for (int o = 0; o < window; o++) {
        double[] src = values[Math.max(0, Math.min(n - 1, f + o - half))];
        for (int c = 0; c < k; c++) {
          out[f][c * window + o] = src[c];
        }
      }
    }
    return out;
  }

  /**
   * Per-channel median of {@code values [frame][channel]}: a recording's resting level, since faces rest most of
   * the time.
   */
  public static double[] median(double[][] values) {
    int k = values[0].length;
    double[] out = new double[k];
    double[] col = new double[values.length];
    for (int c = 0; c < k; c++) {
      for (int f = 0; f < values.length; f++) {
        col[f] = values[f][c];
      }
      java.util.Arrays.sort(col);
      out[c] = col[col.length / 2];
    }
    return out;
  }

  /** {@code values} minus {@code offsets}, channel by channel (a new array). */
  public static double[][] minus(double[][] values, double[] offsets) {
    double[][] out = new double[values.length][];
    for (int f = 0; f < values.length; f++) {
      out[f] = values[f].clone();
      for (int c = 0; c < offsets.length; c++) {
        out[f][c] -= offsets[c];
      }
    }
    return out;
  }

  /** Natural logarithm of every value, floored at {@link #FLOOR}. */
  public static double[][] log(double[][] values) {
    double[][] out = new double[values.length][];
    for (int f = 0; f < values.length; f++) {
      out[f] = new double[values[f].length];
      for (int c = 0; c < out[f].length; c++) {
        out[f][c] = Math.log(Math.max(FLOOR, values[f][c]));
      }
    }
    return out;
  }
}
