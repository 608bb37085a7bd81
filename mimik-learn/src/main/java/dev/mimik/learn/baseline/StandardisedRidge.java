package dev.mimik.learn.baseline;

import org.ejml.data.DMatrixRMaj;

/**
 * Ridge regression from feature rows to targets, the core of the linear baselines: features standardised and
 * targets centred, so that the penalty does not shrink the intercept and treats every feature alike.
 */
final class StandardisedRidge {

  private final double[] mean;
  private final double[] std;
  private final double[] targetMean;
  private final DMatrixRMaj weights; // [features x targets]

  private StandardisedRidge(double[] mean, double[] std, double[] targetMean, DMatrixRMaj weights) {
    this.mean = mean;
    this.std = std;
    this.targetMean = targetMean;
    this.weights = weights;
  }

  /** Fits {@code targets[frame]} from {@code features[frame]} with penalty {@code lambda} per frame. */
  static StandardisedRidge fit(double[][] features, float[][] targets, double lambda) {
    int n = features.length;
    int k = features[0].length;
    int m = targets[0].length;
    double[] mean = new double[k];
    for (double[] row : features) {
      for (int j = 0; j < k; j++) {
        mean[j] += row[j] / n;
      }
    }
    double[] std = new double[k];
    for (double[] row : features) {
      for (int j = 0; j < k; j++) {
        std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < k; j++) {
      std[j] = Math.max(Math.sqrt(std[j]), 1e-12);
    }
    double[] tMean = new double[m];
    for (float[] t : targets) {
      for (int c = 0; c < m; c++) {
        tMean[c] += t[c] / (double) n;
      }
    }
    DMatrixRMaj x = new DMatrixRMaj(n, k);
    DMatrixRMaj y = new DMatrixRMaj(n, m);
    for (int f = 0; f < n; f++) {
      for (int j = 0; j < k; j++) {
        x.set(f, j, (features[f][j] - mean[j]) / std[j]);
      }
      for (int c = 0; c < m; c++) {
        y.set(f, c, targets[f][c] - tMean[c]);
      }
    }
    return new StandardisedRidge(mean, std, tMean, RidgeBaseline.solve(x, y, lambda * n + 1e-12 * n));
  }

  /** The number of features a row must have. */
  int features() {
    return mean.length;
  }

  /** The targets predicted from one row of features. */
  float[] predict(double[] row) {
    float[] out = new float[targetMean.length];
    for (int c = 0; c < out.length; c++) {
      double v = targetMean[c];
      for (int j = 0; j < row.length; j++) {
        v += (row[j] - mean[j]) / std[j] * weights.get(j, c);
      }
      out[c] = (float) v;
    }
    return out;
  }
}
