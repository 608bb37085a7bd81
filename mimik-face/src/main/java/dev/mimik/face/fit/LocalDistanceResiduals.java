package dev.mimik.face.fit;

import dev.mimik.core.data.LandmarkSet;
import java.util.Arrays;
import java.util.List;

/**
 * The residuals of the local dynamic loss ({@link LocalDistances}): for each weighted pair of landmarks, the fitted
 * minus the observed upper-to-lower vector, times the pair's weight over its region's observed width. A pair's
 * Jacobian rows are the difference of its two landmarks' rows from {@link LandmarkResiduals}, merged over the union
 * of their parameters. Immutable; scratch lives in a caller's {@link Workspace}.
 */
final class LocalDistanceResiduals {

  private final List<LocalDistances.Pair> pairs;

  LocalDistanceResiduals(LocalDistances weights, int points) {
    this.pairs = weights.pairs(LandmarkSet.ofSize(points));
  }

  boolean isEmpty() {
    return pairs.isEmpty();
  }

  /**
   * The sum of squared residuals of the pairs whose four landmarks are observed; when {@code eq} is not null their
   * rows are added to it too.
   */
  double addTo(NormalEquations eq, Observation f, FitState s, LandmarkResiduals landmarks, boolean withWeights,
      boolean withIdentity, Workspace ws) {
    double cost = 0;
    LandmarkResiduals.Rows ra = ws.a;
    LandmarkResiduals.Rows rb = ws.b;
    for (LocalDistances.Pair pair : pairs) {
      int a = pair.upper();
      int b = pair.lower();
      if (!f.valid[a] || !f.valid[b] || !f.valid[pair.widthA()] || !f.valid[pair.widthB()]) {
        continue;
      }
      double width = Math.hypot(f.xy[2 * pair.widthA()] - f.xy[2 * pair.widthB()],
          f.xy[2 * pair.widthA() + 1] - f.xy[2 * pair.widthB() + 1]);
      if (!(width > 0)) {
        continue;
      }
      double w = pair.weight() / width;
      if (eq == null) {
        landmarks.project(s, a, ra);
        landmarks.project(s, b, rb);
      } else {
        landmarks.rows(s, a, withWeights, withIdentity, ra);
        landmarks.rows(s, b, withWeights, withIdentity, rb);
      }
      double eu = w * ((ra.uv[0] - rb.uv[0]) - (f.xy[2 * a] - f.xy[2 * b]));
      double ev = w * ((ra.uv[1] - rb.uv[1]) - (f.xy[2 * a + 1] - f.xy[2 * b + 1]));
      cost += eu * eu + ev * ev;
      if (eq != null) {
        ws.merge(w);
        eq.add(ws.idx, ws.ru, ws.rv, ws.m, eu, ev);
      }
    }
    return cost;
  }

  /** The rows of a pair's two landmarks and of their weighted difference. */
  static final class Workspace {
    final LandmarkResiduals.Rows a;
    final LandmarkResiduals.Rows b;
    private final double[] du;
    private final double[] dv;
    private final boolean[] used;
    final int[] idx;
    final double[] ru;
    final double[] rv;
    int m;

    /** A workspace for rows over {@code n} parameters. */
    Workspace(int n) {
      a = new LandmarkResiduals.Rows(n);
      b = new LandmarkResiduals.Rows(n);
      du = new double[n];
      dv = new double[n];
      used = new boolean[n];
      idx = new int[n];
      ru = new double[n];
      rv = new double[n];
    }

    /** {@code w (rows a - rows b)} over the union of their parameters, ascending. */
    void merge(double w) {
      m = 0;
      for (int i = 0; i < a.m; i++) {
        int gi = a.idx[i];
        if (!used[gi]) {
          used[gi] = true;
          idx[m++] = gi;
        }
        du[gi] += w * a.ru[i];
        dv[gi] += w * a.rv[i];
      }
      for (int i = 0; i < b.m; i++) {
        int gi = b.idx[i];
        if (!used[gi]) {
          used[gi] = true;
          idx[m++] = gi;
        }
        du[gi] -= w * b.ru[i];
        dv[gi] -= w * b.rv[i];
      }
      Arrays.sort(idx, 0, m);
      for (int i = 0; i < m; i++) {
        int gi = idx[i];
        ru[i] = du[gi];
        rv[i] = dv[gi];
        du[gi] = 0;
        dv[gi] = 0;
        used[gi] = false;
      }
    }
  }
}
