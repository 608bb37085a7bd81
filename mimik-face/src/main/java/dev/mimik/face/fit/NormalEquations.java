package dev.mimik.face.fit;

import java.util.Arrays;

/**
 * The Gauss-Newton normal equations of a sum of squared residuals: the matrix {@code h = J^T J} (n x n, row-major)
 * and the gradient half {@code g = J^T r}, summed residual by residual over the parameters each one depends on.
 * Residuals add to the upper half of {@code h}; {@link #symmetrise} copies it to the lower half when all are in.
 */
final class NormalEquations {

  final int n;
  final double[] h;
  final double[] g;

  NormalEquations(int n) {
    this.n = n;
    this.h = new double[n * n];
    this.g = new double[n];
  }

  void clear() {
    Arrays.fill(h, 0);
    Arrays.fill(g, 0);
  }

  /**
   * Adds a 2D residual {@code (eu, ev)} whose Jacobian rows {@code ru} (for eu) and {@code rv} (for ev) hold the
   * derivatives with respect to the parameters {@code idx[0..m)}, in ascending order.
   */
  void add(int[] idx, double[] ru, double[] rv, int m, double eu, double ev) {
    for (int i = 0; i < m; i++) {
      double ui = ru[i];
      double vi = rv[i];
      int gi = idx[i];
      g[gi] += ui * eu + vi * ev;
      int base = gi * n;
      for (int k = i; k < m; k++) {
        h[base + idx[k]] += ui * ru[k] + vi * rv[k];
      }
    }
  }

  /** Adds a residual of parameter {@code i} alone: {@code dh} to the diagonal, {@code dg} to the gradient. */
  void addDiagonal(int i, double dh, double dg) {
    g[i] += dg;
    h[i * n + i] += dh;
  }

  /** Copies the upper half of {@code h} to the lower half. */
  void symmetrise() {
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < i; k++) {
        h[i * n + k] = h[k * n + i];
      }
    }
  }
}
