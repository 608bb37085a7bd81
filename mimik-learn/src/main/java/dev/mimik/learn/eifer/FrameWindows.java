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
      out[c] = sortedQuantile(col, q);
    }
    return out;
  }

  /** The {@code q}-quantile (nearest rank) of values {@code sorted} in increasing order. */
  static double sortedQuantile(double[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
  }

  /**
   * One channel's {@link #levels}, {@code {offset, scale}}, from its log envelope {@code logs} over the recording
   * (sorted in place).
   */
  static double[] level(double[] logs) {
    java.util.Arrays.sort(logs);
    double rest = sortedQuantile(logs, 0.5);
    return new double[] {rest, Math.max(sortedQuantile(logs, HIGH) - rest, 1e-3)};
  }

  /**
   * A recording's log envelopes {@code [frame][channel]} on a common scale: 0 at the channel's median (rest, as
   * faces rest most of the time) and 1 at its {@value #HIGH} quantile (its strong contractions), so that
   * participants with other skin, electrodes or noise floors share one map. Returns {@code {offset, scale}}.
   */
  public static double[][] levels(double[][] logs) {
    int k = logs[0].length;
    double[][] out = new double[2][k];
    double[] col = new double[logs.length];
    for (int c = 0; c < k; c++) {
      for (int f = 0; f < logs.length; f++) {
        col[f] = logs[f][c];
      }
      double[] l = level(col);
      out[0][c] = l[0];
      out[1][c] = l[1];
    }
    return out;
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
    double[] col = new double[values.length];
    for (int c = 0; c < k; c++) {
      for (int f = 0; f < values.length; f++) {
        col[f] = values[f][c];
      }
      double[] m = meanSd(col);
      mean[c] = m[0];
      sd[c] = m[1];
    }
    return scaled(values, mean, sd);
  }

  /** One channel's mean and standard deviation as {@link #standardised} takes them ({@code {mean, sd}}). */
  static double[] meanSd(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v / values.length;
    }
    double sd = 0;
    for (double v : values) {
      sd += (v - mean) * (v - mean) / values.length;
    }
    return new double[] {mean, sd > 0 ? Math.sqrt(sd) : 1};
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
    double[] col = new double[values.length];
    for (int c = 0; c < k; c++) {
      for (int f = 0; f < values.length; f++) {
        col[f] = values[f][c];
      }
      double median = cleanMedian(col, clean, c);
      for (int f = 0; f < values.length; f++) {
        if (!clean[f][c] && !Double.isNaN(median)) {
          out[f][c] = median;
        }
      }
    }
    return out;
  }

  /**
   * The value {@link #imputed} puts in for channel {@code c}, whose values over the recording are {@code values}:
   * the median of those {@code clean} marks true; NaN when none or all are (nothing is replaced then).
   */
  static double cleanMedian(double[] values, boolean[][] clean, int c) {
    double[] kept = java.util.stream.IntStream.range(0, values.length).filter(f -> clean[f][c])
        .mapToDouble(f -> values[f]).sorted().toArray();
    return kept.length == 0 || kept.length == values.length ? Double.NaN : kept[kept.length / 2];
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
        out[f][c] = log(values[f][c]);
      }
    }
    return out;
  }

  /** Natural logarithm of {@code value} floored at {@link #FLOOR}. */
  static double log(double value) {
    return Math.log(Math.max(FLOOR, value));
  }
}
