package dev.mimik.learn.eifer;

/**
 * Per-column agreement between predicted and true rows: Pearson r, R² (1 - residual / total sum of squares) and
 * mean absolute error. A column that does not move in the truth (standard deviation below {@code 1e-9}) gets NaN
 * for r and R².
 *
 * @param pearson r per column
 * @param r2 R² per column
 * @param mae mean absolute error per column
 */
public record MapMetrics(double[] pearson, double[] r2, double[] mae) {

  /** Compares {@code predicted} with {@code truth}, both {@code [frame][column]}. */
  public static MapMetrics of(double[][] predicted, double[][] truth) {
    return of(predicted, truth, null);
  }

  /**
   * Compares {@code predicted} with {@code truth} over the frames {@code keep [frame][column]} marks, column by column
   * (e.g. the frames of each channel clear of artefacts); all frames when {@code keep} is null. A column with fewer
   * than two kept frames gets NaN.
   */
  public static MapMetrics of(double[][] predicted, double[][] truth, boolean[][] keep) {
    if (predicted.length != truth.length || truth.length < 2 || keep != null && keep.length != truth.length) {
      throw new IllegalArgumentException("need the same number of rows, at least two");
    }
    int k = truth[0].length;
    double[] r = new double[k];
    double[] r2 = new double[k];
    double[] mae = new double[k];
    for (int c = 0; c < k; c++) {
      int n = 0;
      for (int i = 0; i < truth.length; i++) {
        n += keep == null || keep[i][c] ? 1 : 0;
      }
      if (n < 2) {
        r[c] = Double.NaN;
        r2[c] = Double.NaN;
        mae[c] = Double.NaN;
        continue;
      }
      double mp = 0;
      double mt = 0;
      for (int i = 0; i < truth.length; i++) {
        if (keep == null || keep[i][c]) {
          mp += predicted[i][c] / n;
          mt += truth[i][c] / n;
        }
      }
      double sxy = 0;
      double sxx = 0;
      double syy = 0;
      double sse = 0;
      double abs = 0;
      for (int i = 0; i < truth.length; i++) {
        if (keep != null && !keep[i][c]) {
          continue;
        }
        double dp = predicted[i][c] - mp;
        double dt = truth[i][c] - mt;
        sxy += dp * dt;
        sxx += dp * dp;
        syy += dt * dt;
        double e = predicted[i][c] - truth[i][c];
        sse += e * e;
        abs += Math.abs(e);
      }
      boolean moves = Math.sqrt(syy / n) > 1e-9;
      r[c] = moves && sxx > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
      r2[c] = moves ? 1 - sse / syy : Double.NaN;
      mae[c] = abs / n;
    }
    return new MapMetrics(r, r2, mae);
  }

  /** Pearson r of two equally long vectors. */
  public static double pearson(double[] a, double[] b) {
    double[][] pa = new double[a.length][1];
    double[][] pb = new double[b.length][1];
    for (int i = 0; i < a.length; i++) {
      pa[i][0] = a[i];
      pb[i][0] = b[i];
    }
    return of(pa, pb).pearson()[0];
  }

  /** Mean of the finite values of {@code v} (NaN if none). */
  public static double meanFinite(double[] v) {
    double s = 0;
    int n = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        s += x;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }
}
