package dev.mimik.sim.sensor;

/**
 * Minimises {@code x'Qx / 2 - c'x} subject to {@code x >= 0} for a symmetric positive semi-definite {@code Q}: the
 * active-set method of Lawson and Hanson on the normal equations (Bro and de Jong's FNNLS, 1997), which with
 * {@code Q = A'A} and {@code c = A'b} is non-negative least squares. Exact up to rounding, in at most a few passes
 * per variable.
 */
final class NonNegativeQuadratic {

  private NonNegativeQuadratic() {}

  static double[] minimise(double[][] q, double[] c) {
    int n = c.length;
    double scale = 0;
    for (double v : c) {
      scale = Math.max(scale, Math.abs(v));
    }
    double tol = 1e-12 * Math.max(scale, Double.MIN_NORMAL);
    boolean[] free = new boolean[n];
    double[] x = new double[n];
    for (int outer = 0; outer < 10 * n; outer++) {
      double[] w = gradient(q, c, x);
      int j = -1;
      for (int i = 0; i < n; i++) {
        if (!free[i] && w[i] > tol && (j < 0 || w[i] > w[j])) {
          j = i;
        }
      }
      if (j < 0) {
        return x;
      }
      free[j] = true;
      for (int inner = 0; inner <= n; inner++) {
        double[] s = solve(q, c, free);
        if (s == null) {
          free[j] = false;
          return x;
        }
        double alpha = 1;
        int blocking = -1;
        for (int i = 0; i < n; i++) {
          if (free[i] && s[i] <= 0 && x[i] / (x[i] - s[i]) < alpha) {
            alpha = x[i] / (x[i] - s[i]);
            blocking = i;
          }
        }
        double top = 0;
        for (int i = 0; i < n; i++) {
          x[i] += alpha * (s[i] - x[i]);
          top = Math.max(top, x[i]);
        }
        if (blocking < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (free[i] && (i == blocking || x[i] <= 1e-14 * top)) {
            free[i] = false;
            x[i] = 0;
          }
        }
      }
    }
    return x;
  }

  /** {@code c - Qx}: where it is positive, raising {@code x} lowers the objective. */
  private static double[] gradient(double[][] q, double[] c, double[] x) {
    double[] w = c.clone();
    for (int i = 0; i < w.length; i++) {
      for (int k = 0; k < w.length; k++) {
        w[i] -= q[i][k] * x[k];
      }
    }
    return w;
  }

  /** The solution of {@code Q_FF s_F = c_F} on the free set F, 0 elsewhere; null if {@code Q_FF} is singular. */
  private static double[] solve(double[][] q, double[] c, boolean[] free) {
    int n = c.length;
    int[] idx = java.util.stream.IntStream.range(0, n).filter(i -> free[i]).toArray();
    int m = idx.length;
    double[][] a = new double[m][m + 1];
    for (int r = 0; r < m; r++) {
      for (int k = 0; k < m; k++) {
        a[r][k] = q[idx[r]][idx[k]];
      }
      a[r][m] = c[idx[r]];
    }
    for (int col = 0; col < m; col++) {
      int pivot = col;
      for (int r = col + 1; r < m; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (!(Math.abs(a[pivot][col]) > 1e-300)) {
        return null;
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      for (int r = col + 1; r < m; r++) {
        double f = a[r][col] / a[col][col];
        for (int k = col; k <= m; k++) {
          a[r][k] -= f * a[col][k];
        }
      }
    }
    double[] s = new double[n];
    double[] z = new double[m];
    for (int r = m - 1; r >= 0; r--) {
      double v = a[r][m];
      for (int k = r + 1; k < m; k++) {
        v -= a[r][k] * z[k];
      }
      z[r] = v / a[r][r];
    }
    for (int r = 0; r < m; r++) {
      s[idx[r]] = z[r];
    }
    return s;
  }
}
