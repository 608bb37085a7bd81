package dev.mimik.face.fit;

import static dev.mimik.face.fit.FitState.POSE;

import dev.mimik.face.camera.Camera;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * The reprojection residuals of one person's landmarks: for landmark j, {@code region_j / norm * (project(R X_j + t)
 * - observed_j)}, where {@code X_j} is the person's neutral position plus the weighted expression targets, with
 * their Jacobian rows over the pose parameters, the expression weights and the identity coefficients (parameter
 * order as in {@link FitState}, the identity after the weights). Immutable; the rows go into a caller's
 * {@link Rows}, so that a fit allocates nothing per landmark.
 */
final class LandmarkResiduals {

  private final LandmarkModel model;
  private final RestShape rest;
  private final double[] person;
  private final double[] region;
  private final double principalU;
  private final double principalV;

  /** The residuals of the person with this rest shape, seen through {@code camera}. */
  LandmarkResiduals(LandmarkModel model, RestShape rest, RegionWeights regions, Camera camera) {
    this.model = model;
    this.rest = rest;
    this.person = model.personNeutral(rest);
    this.region = new double[model.points];
    for (int j = 0; j < model.points; j++) {
      region[j] = regions.of(model.ibug[j]);
    }
    Vector2D principal = camera.principalPoint();
    this.principalU = principal.getX();
    this.principalV = principal.getY();
  }

  private LandmarkResiduals(LandmarkResiduals other, RestShape rest) {
    this.model = other.model;
    this.rest = rest;
    this.person = model.personNeutral(rest);
    this.region = other.region;
    this.principalU = other.principalU;
    this.principalV = other.principalV;
  }

  /** The same residuals for another person. */
  LandmarkResiduals withRest(RestShape another) {
    return new LandmarkResiduals(this, another);
  }

  /** The same residuals for other identity coefficients, the landmark offsets kept. */
  LandmarkResiduals withIdentity(double[] identity) {
    return new LandmarkResiduals(this, new RestShape(identity, rest.offsets()));
  }

  RestShape rest() {
    return rest;
  }

  LandmarkModel model() {
    return model;
  }

  /** The person's neutral landmark positions, 3 per landmark (not to be modified). */
  double[] neutral() {
    return person;
  }

  /** Number of parameters the rows can span: pose, weights and, when {@code withIdentity}, identity. */
  int parameters(boolean withWeights, boolean withIdentity) {
    return POSE + (withWeights ? model.shapes : 0) + (withIdentity ? model.modes : 0);
  }

  /**
   * The sum of squared residuals of the observed landmarks; when {@code eq} is not null their rows are added to it
   * too.
   */
  double addTo(NormalEquations eq, Observation f, FitState s, boolean withWeights, boolean withIdentity, Rows rows) {
    double cost = 0;
    for (int j = 0; j < model.points; j++) {
      if (!f.valid[j]) {
        continue;
      }
      if (eq == null) {
        project(s, j, rows);
      } else {
        rows(s, j, withWeights, withIdentity, rows);
      }
      double a = region[j] / f.norm;
      double eu = a * (rows.uv[0] - f.xy[2 * j]);
      double ev = a * (rows.uv[1] - f.xy[2 * j + 1]);
      cost += eu * eu + ev * ev;
      if (eq == null) {
        continue;
      }
      for (int i = 0; i < rows.m; i++) {
        rows.ru[i] *= a;
        rows.rv[i] *= a;
      }
      eq.add(rows.idx, rows.ru, rows.rv, rows.m, eu, ev);
    }
    return cost;
  }

  /** Root-mean-square distance in pixels between the observed landmarks and their fitted images. */
  double rmsPixels(Observation f, FitState s) {
    Rows rows = new Rows(POSE);
    double sum = 0;
    int count = 0;
    for (int j = 0; j < model.points; j++) {
      if (f.valid[j]) {
        project(s, j, rows);
        double du = rows.uv[0] - f.xy[2 * j];
        double dv = rows.uv[1] - f.xy[2 * j + 1];
        sum += du * du + dv * dv;
        count++;
      }
    }
    return Math.sqrt(sum / Math.max(1, count));
  }

  /** The fitted landmarks on the image: x0, y0, x1, y1, ... in pixels. */
  double[] image(FitState s) {
    Rows rows = new Rows(POSE);
    double[] out = new double[2 * model.points];
    for (int j = 0; j < model.points; j++) {
      project(s, j, rows);
      out[2 * j] = rows.uv[0];
      out[2 * j + 1] = rows.uv[1];
    }
    return out;
  }

  /**
   * How far observed landmark {@code j} lies from its rest position (weights 0) at the pose of {@code s}, taken back
   * into the rig's frame: the offset along the rig's x and y whose image is that deviation, to first order; null
   * when the landmark is not observed.
   */
  double[] restDeviation(Observation f, FitState s, int j, Rows rows) {
    if (!f.valid[j]) {
      return null;
    }
    FitState rest = new FitState(s.r, s.t, new double[model.shapes], s.camera);
    project(rest, j, rows);
    double[] m = rows.mr;
    rigJacobian(rows.jc, s.r, m);
    double du = f.xy[2 * j] - rows.uv[0];
    double dv = f.xy[2 * j + 1] - rows.uv[1];
    double det = m[0] * m[4] - m[1] * m[3];
    if (!(Math.abs(det) > 0)) {
      return null;
    }
    return new double[] {(m[4] * du - m[1] * dv) / det, (m[0] * dv - m[3] * du) / det};
  }

  /** Projects landmark {@code j} into {@code rows.uv}, the camera's Jacobian into {@code rows.jc}. */
  void project(FitState s, int j, Rows rows) {
    double[] q = rows.q;
    rotated(s, j, rows.x, q);
    s.camera.project(q[0] + s.t[0], q[1] + s.t[1], q[2] + s.t[2], rows.uv, rows.jc);
  }

  /**
   * Projects landmark {@code j} into {@code rows.uv} and writes its unscaled Jacobian rows over the parameters it
   * depends on: the pose first, then the targets that move it, then the identity modes.
   */
  void rows(FitState s, int j, boolean withWeights, boolean withIdentity, Rows rows) {
    int ks = model.shapes;
    double[] q = rows.q;
    double[] jc = rows.jc;
    double[] ru = rows.ru;
    double[] rv = rows.rv;
    int[] idx = rows.idx;
    project(s, j, rows);
    for (int i = 0; i < POSE; i++) {
      idx[i] = i;
    }
    // rotation: dP/d(delta) for P = exp([delta]x) q + t
    ru[0] = -jc[1] * q[2] + jc[2] * q[1];
    ru[1] = jc[0] * q[2] - jc[2] * q[0];
    ru[2] = -jc[0] * q[1] + jc[1] * q[0];
    rv[0] = -jc[4] * q[2] + jc[5] * q[1];
    rv[1] = jc[3] * q[2] - jc[5] * q[0];
    rv[2] = -jc[3] * q[1] + jc[4] * q[0];
    ru[3] = jc[0];
    ru[4] = jc[1];
    rv[3] = jc[3];
    rv[4] = jc[4];
    if (s.seesDepth) {
      ru[5] = jc[2];
      rv[5] = jc[5];
    } else {
      // magnifying by exp(step) about the principal point
      ru[5] = rows.uv[0] - principalU;
      rv[5] = rows.uv[1] - principalV;
    }
    int m = POSE;
    if (withWeights || withIdentity) {
      rigJacobian(jc, s.r, rows.mr);
    }
    double[] mr = rows.mr;
    if (withWeights) {
      int r0 = (3 * j) * ks;
      int r1 = r0 + ks;
      int r2 = r1 + ks;
      for (int k : model.movers[j]) {
        double bx = model.shapeBasis[r0 + k];
        double by = model.shapeBasis[r1 + k];
        double bz = model.shapeBasis[r2 + k];
        idx[m] = POSE + k;
        ru[m] = mr[0] * bx + mr[1] * by + mr[2] * bz;
        rv[m] = mr[3] * bx + mr[4] * by + mr[5] * bz;
        m++;
      }
    }
    if (withIdentity) {
      int md = model.modes;
      for (int c = 0; c < md; c++) {
        double bx = model.identityBasis[(3 * j) * md + c];
        double by = model.identityBasis[(3 * j + 1) * md + c];
        double bz = model.identityBasis[(3 * j + 2) * md + c];
        idx[m] = POSE + ks + c;
        ru[m] = mr[0] * bx + mr[1] * by + mr[2] * bz;
        rv[m] = mr[3] * bx + mr[4] * by + mr[5] * bz;
        m++;
      }
    }
    rows.m = m;
  }

  /** {@code out = R X_j} for the landmark's rig-frame position {@code X_j} (person neutral plus weighted targets). */
  private void rotated(FitState s, int j, double[] x, double[] out) {
    double[] basis = model.shapeBasis;
    int r0 = 3 * j * model.shapes;
    int r1 = r0 + model.shapes;
    int r2 = r1 + model.shapes;
    double vx = person[3 * j];
    double vy = person[3 * j + 1];
    double vz = person[3 * j + 2];
    for (int k : model.movers[j]) {
      double wk = s.w[k];
      vx += wk * basis[r0 + k];
      vy += wk * basis[r1 + k];
      vz += wk * basis[r2 + k];
    }
    x[0] = vx;
    x[1] = vy;
    x[2] = vz;
    Rotations.apply(s.r, x, out);
  }

  /** {@code out = jc R}: the image's 2x3 Jacobian with respect to the rig-frame point. */
  private static void rigJacobian(double[] jc, double[] r, double[] out) {
    for (int row = 0; row < 2; row++) {
      for (int c = 0; c < 3; c++) {
        out[3 * row + c] = jc[3 * row] * r[c] + jc[3 * row + 1] * r[3 + c] + jc[3 * row + 2] * r[6 + c];
      }
    }
  }

  /**
   * One landmark's image {@code uv} and Jacobian rows: {@code ru} (for u) and {@code rv} (for v) over the parameters
   * {@code idx[0..m)}, ascending; with room for the scratch of computing them.
   */
  static final class Rows {
    final double[] uv = new double[2];
    final double[] ru;
    final double[] rv;
    final int[] idx;
    int m;
    final double[] x = new double[3];
    final double[] q = new double[3];
    final double[] jc = new double[6];
    final double[] mr = new double[6];

    /** Rows with room for {@code n} parameters. */
    Rows(int n) {
      this.ru = new double[n];
      this.rv = new double[n];
      this.idx = new int[n];
    }
  }
}
