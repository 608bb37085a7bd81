package dev.mimik.learn.eifer;

/**
 * Feature rows of the EIFER maps: for each frame, the values of {@code window} frames centred on it (edges repeat
 * the first or last frame), flattened channel-major. Envelopes enter as logarithms, since muscle activity spans
 * decades between rest and full contraction.
 */
public final class FrameWindows {

  /** Smallest envelope value taken, uV: the log of a zero (a dead channel) stays finite. */
  public static final double FLOOR = 1e-3;

  /** The quantile that marks a recording's strong contractions in {@link #levels}. */
  public static final double HIGH = 0.98;

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

  /** Per-channel {@code q}-quantile ({@code 0..1}, nearest rank) of {@code values [frame][channel]}. */
  public static double[] quantile(double[][] values, double q) {
    int k = values[0].length;
    double[] out = new double[k];
    double[] col = new double[values.length];
    for (int c = 0; c < k; c++) {
      for (int f = 0; f < values.length; f++) {
        col[f] = values[f][c];
      }
      java.util.Arrays.sort(col);
      out[c] = col[(int) Math.min(col.length - 1, Math.round(q * (col.length - 1)))];
    }
    return out;
  }

  /**
   * A recording's log envelopes {@code [frame][channel]} on a common scale: 0 at the channel's median (rest, as
   * faces rest most of the time) and 1 at its {@value #HIGH} quantile (its strong contractions), so that
   * participants with other skin, electrodes or noise floors share one map. Returns {@code {offset, scale}}.
   */
  public static double[][] levels(double[][] logs) {
    double[] rest = quantile(logs, 0.5);
    double[] high = quantile(logs, HIGH);
    double[] span = new double[rest.length];
    for (int c = 0; c < span.length; c++) {
      span[c] = Math.max(high[c] - rest[c], 1e-3);
    }
    return new double[][] {rest, span};
  }

  /** {@code (values - offset) / scale}, channel by channel (a new array). */
  public static double[][] scaled(double[][] values, double[] offset, double[] scale) {
    double[][] out = new double[values.length][];
    for (int f = 0; f < values.length; f++) {
      out[f] = values[f].clone();
      for (int c = 0; c < offset.length; c++) {
        out[f][c] = (out[f][c] - offset[c]) / scale[c];
      }
    }
    return out;
  }

  /**
   * Each channel of {@code values [frame][channel]} less its mean over the recording, over its standard deviation
   * (a new array; a constant channel becomes 0): how a signed band such as the EOG enters the maps, on one scale
   * for every participant.
   */
  public static double[][] standardised(double[][] values) {
    int k = values[0].length;
    double[] mean = new double[k];
    double[] sd = new double[k];
    for (double[] row : values) {
      for (int c = 0; c < k; c++) {
        mean[c] += row[c] / values.length;
      }
    }
    for (double[] row : values) {
      for (int c = 0; c < k; c++) {
        sd[c] += (row[c] - mean[c]) * (row[c] - mean[c]) / values.length;
      }
    }
    for (int c = 0; c < k; c++) {
      sd[c] = sd[c] > 0 ? Math.sqrt(sd[c]) : 1;
    }
    return scaled(values, mean, sd);
  }

  /**
   * {@code values [frame][channel]} with every value that {@code clean} marks false replaced by the median of the
   * channel's clean values (a new array; {@code values} itself when {@code clean} is null): an electrode pop's
   * hundreds of microvolts then neither stand in for muscle or eye activity nor inflate the channel's spread.
   */
  public static double[][] imputed(double[][] values, boolean[][] clean) {
    if (clean == null) {
      return values;
    }
    int k = values[0].length;
    double[][] out = new double[values.length][];
    for (int f = 0; f < values.length; f++) {
      out[f] = values[f].clone();
    }
    for (int c = 0; c < k; c++) {
      int col = c;
      double[] kept = java.util.stream.IntStream.range(0, values.length).filter(f -> clean[f][col])
          .mapToDouble(f -> values[f][col]).sorted().toArray();
      if (kept.length == 0 || kept.length == values.length) {
        continue;
      }
      double median = kept[kept.length / 2];
      for (int f = 0; f < values.length; f++) {
        if (!clean[f][c]) {
          out[f][c] = median;
        }
      }
    }
    return out;
  }

  /** Rows of {@code a} followed, column-wise, by those of {@code b} (same number of frames). */
  public static double[][] joined(double[][] a, double[][] b) {
    double[][] out = new double[a.length][];
    for (int f = 0; f < a.length; f++) {
      out[f] = new double[a[f].length + b[f].length];
      System.arraycopy(a[f], 0, out[f], 0, a[f].length);
      System.arraycopy(b[f], 0, out[f], a[f].length, b[f].length);
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
