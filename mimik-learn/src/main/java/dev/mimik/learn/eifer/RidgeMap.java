package dev.mimik.learn.eifer;

import java.util.List;
import dev.mimik.learn.baseline.RidgeBaseline;
import org.ejml.data.DMatrixRMaj;

/**
 * The linear baseline of both EIFER maps: ridge regression on standardised features and targets (EJML), giving a
 * one-layer {@link DenseMap} evaluated exactly like the network.
 */
public final class RidgeMap {

  private RidgeMap() {}

  /** Fits {@code targets ~ features} with penalty {@code lambda} per standardised row. */
  public static DenseMap fit(double[][] features, double[][] targets, double lambda) {
    if (features.length == 0 || features.length != targets.length) {
      throw new IllegalArgumentException("need as many feature rows as target rows, at least one");
    }
    double[][] in = DenseMap.moments(features, Double.MAX_VALUE);
    double[][] out = DenseMap.moments(targets, 1e-9);
    int n = features.length;
    int k = in[0].length;
    int m = out[0].length;
    DMatrixRMaj x = new DMatrixRMaj(n, k);
    DMatrixRMaj y = new DMatrixRMaj(n, m);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        x.set(i, j, (features[i][j] - in[0][j]) / in[1][j]);
      }
      for (int c = 0; c < m; c++) {
        y.set(i, c, (targets[i][c] - out[0][c]) / out[1][c]);
      }
    }
    DMatrixRMaj w = RidgeBaseline.solve(x, y, lambda * n + 1e-9);
    double[][] weights = new double[k][m];
    for (int j = 0; j < k; j++) {
      for (int c = 0; c < m; c++) {
        weights[j][c] = w.get(j, c);
      }
    }
    return new DenseMap(in[0], in[1], out[0], out[1], List.<double[][]>of(weights), List.<double[]>of(new double[m]),
        new double[0][]);
  }
}
