package dev.mimik.learn.eifer;

import java.util.List;

/**
 * A trained feed-forward map from feature rows to target rows: inputs standardised, dense layers with ReLU between
 * them, outputs de-standardised. One layer is a linear map (the ridge baseline); more layers are the small network
 * trained on DJL, whose weights are copied out here so that the model file is plain JSON and applying it needs no
 * native engine. A network may add a linear skip connection ({@code skip}, standardised inputs to standardised
 * outputs, usually the ridge baseline's weights), so that it learns only what the linear map misses.
 *
 * @param inMean feature means
 * @param inStd feature standard deviations
 * @param outMean target means
 * @param outStd target standard deviations
 * @param weights per layer {@code [inputs][outputs]}
 * @param biases per layer {@code [outputs]}
 * @param skip {@code [inputs][outputs]} added to the last layer's output, or an empty array for none
 */
public record DenseMap(double[] inMean, double[] inStd, double[] outMean, double[] outStd, List<double[][]> weights,
    List<double[]> biases, double[][] skip) {

  public DenseMap {
    if (weights.isEmpty() || weights.size() != biases.size()) {
      throw new IllegalArgumentException("need at least one layer and one bias per layer");
    }
    int width = inMean.length;
    for (int l = 0; l < weights.size(); l++) {
      if (weights.get(l).length != width || biases.get(l).length != weights.get(l)[0].length) {
        throw new IllegalArgumentException("layer " + l + " does not fit the previous one");
      }
      width = biases.get(l).length;
    }
    if (width != outMean.length || inStd.length != inMean.length || outStd.length != outMean.length) {
      throw new IllegalArgumentException("standardisation does not fit the layers");
    }
    if (skip.length != 0 && (skip.length != inMean.length || skip[0].length != outMean.length)) {
      throw new IllegalArgumentException("the skip connection does not fit the inputs and outputs");
    }
    weights = List.copyOf(weights);
    biases = List.copyOf(biases);
  }

  /** Number of features taken. */
  public int inputs() {
    return inMean.length;
  }

  /** Number of targets produced. */
  public int outputs() {
    return outMean.length;
  }

  /** Maps one feature row. */
  public double[] apply(double[] features) {
    if (features.length != inputs()) {
      throw new IllegalArgumentException("expected " + inputs() + " features, got " + features.length);
    }
    double[] z = new double[features.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = (features[i] - inMean[i]) / inStd[i];
    }
    for (int l = 0; l < weights.size(); l++) {
      double[][] w = weights.get(l);
      double[] y = biases.get(l).clone();
      for (int i = 0; i < z.length; i++) {
        double zi = z[i];
        if (zi == 0) {
          continue;
        }
        double[] row = w[i];
        for (int o = 0; o < y.length; o++) {
          y[o] += zi * row[o];
        }
      }
      if (l < weights.size() - 1) {
        for (int o = 0; o < y.length; o++) {
          y[o] = Math.max(0, y[o]);
        }
      }
      z = y;
    }
    double[] y = z;
    for (int i = 0; i < skip.length; i++) {
      double zi = (features[i] - inMean[i]) / inStd[i];
      for (int o = 0; o < y.length; o++) {
        y[o] += zi * skip[i][o];
      }
    }
    for (int o = 0; o < y.length; o++) {
      y[o] = y[o] * outStd[o] + outMean[o];
    }
    return y;
  }

  /** Maps every row. */
  public double[][] apply(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = apply(rows[i]);
    }
    return out;
  }

  /**
   * Column means and standard deviations of {@code rows}: {@code {mean, std}}. A column that does not vary (standard
   * deviation below {@code 1e-9}) gets {@code constantStd}: {@link Double#MAX_VALUE} for features, so that a feature
   * never seen to move is ignored rather than blown up when it does, or {@code 1e-9} for targets.
   */
  static double[][] moments(double[][] rows, double constantStd) {
    int k = rows[0].length;
    double[] mean = new double[k];
    for (double[] r : rows) {
      for (int j = 0; j < k; j++) {
        mean[j] += r[j] / rows.length;
      }
    }
    double[] std = new double[k];
    for (double[] r : rows) {
      for (int j = 0; j < k; j++) {
        std[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows.length;
      }
    }
    for (int j = 0; j < k; j++) {
      std[j] = Math.sqrt(std[j]) < 1e-9 ? constantStd : Math.sqrt(std[j]);
    }
    return new double[][] {mean, std};
  }
}
