package dev.mimik.face.fit;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.face.camera.Camera;
import dev.mimik.face.camera.HeadPose;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.camera.WeakPerspectiveCamera;
import dev.mimik.face.rig.FaceRig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * Fits a face rig to 2D landmarks: head pose and expression weights in [0, 1] per frame, identity once per person.
 *
 * <p>Two stages, as in the FLAME reference fitter: without a previous frame, the pose alone is first initialised
 * in closed form (affine camera, orthonormalised) and refined; then pose and weights are refined together.
 * Both stages are damped Gauss-Newton (Levenberg-Marquardt) on the landmark residuals, divided by the landmark
 * bounding-box diagonal and multiplied by {@link RegionWeights}, with an L2 prior on the weights; the weight
 * bounds are kept by an active set (a weight at a bound whose gradient pushes outward is held) and by projection.
 * In a sequence the previous frame is the warm start and a temporal prior pulls the weights toward it.
 *
 * <p>For a {@link WeakPerspectiveCamera} the camera scale is fitted too (the given one is the starting value) and
 * the depth of the translation is left at 0; for a {@link PinholeCamera} all six pose parameters are fitted.
 * Landmarks whose coordinates are NaN are ignored. Instances are immutable and thread-safe.
 */
public final class RigFitter {

  private static final int POSE = 6;
  private static final int IDENTITY_ROUNDS = 8;

  private final FaceRig rig;
  private final LandmarkModel model;
  private final Camera camera;
  private final FitOptions options;
  private final double[] identity;
  private final double[] person;
  private final double[] region;

  /** A fitter for the average face of the rig (identity coefficients 0). */
  public RigFitter(FaceRig rig, LandmarkSet set, Camera camera, FitOptions options) {
    this(rig, new LandmarkModel(rig, set), camera, options, new double[rig.identityNames().size()]);
  }

  private RigFitter(FaceRig rig, LandmarkModel model, Camera camera, FitOptions options, double[] identity) {
    this.rig = rig;
    this.model = model;
    this.camera = camera;
    this.options = options;
    this.identity = identity.clone();
    this.person = model.personNeutral(identity);
    this.region = new double[model.points];
    for (int j = 0; j < model.points; j++) {
      region[j] = options.regions().of(model.ibug[j]);
    }
  }

  /** The same fitter for a person with these identity coefficients (one per identity mode of the rig). */
  public RigFitter withIdentity(double[] identityCoefficients) {
    if (identityCoefficients.length != model.modes) {
      throw new IllegalArgumentException("the rig has " + model.modes + " identity modes, got "
          + identityCoefficients.length + " coefficients");
    }
    return new RigFitter(rig, model, camera, options, identityCoefficients);
  }

  /** The identity coefficients this fitter uses. */
  public double[] identity() {
    return identity.clone();
  }

  /** Fits one frame from scratch. {@code points} holds x0, y0, x1, y1, ... in pixels, in the set's order. */
  public FitResult fit(double[] points) {
    return fit(points, null);
  }

  /**
   * Fits one frame, starting from the previous frame's result (warm start and temporal prior) when it is not null.
   */
  public FitResult fit(double[] points, FitResult previous) {
    Frame f = new Frame(points);
    State s;
    if (previous == null) {
      s = initialPose(f);
      iterate(f, s, false, null, options.rigidIterations());
    } else {
      s = State.of(previous, camera, model.shapes);
    }
    double[] prior = previous == null ? null : previous.weights();
    iterate(f, s, true, prior, options.iterations());
    return s.result(f, this);
  }

  /**
   * The landmarks a fit puts on the image: x0, y0, x1, y1, ... in pixels, in the set's order (for residuals,
   * overlays and metrics on the fitted face).
   */
  public double[] landmarks(FitResult fit) {
    State s = State.of(fit, camera, model.shapes);
    double[] out = new double[2 * model.points];
    double[] p = new double[3];
    double[] uv = new double[2];
    double[] jc = new double[6];
    for (int j = 0; j < model.points; j++) {
      point(s, j, p);
      project(s, p, uv, jc);
      out[2 * j] = uv[0];
      out[2 * j + 1] = uv[1];
    }
    return out;
  }

  /** Fits frames in order, each warm-started from the one before. */
  public List<FitResult> fitSequence(double[][] frames) {
    List<FitResult> out = new ArrayList<>(frames.length);
    FitResult previous = null;
    for (double[] frame : frames) {
      previous = fit(frame, previous);
      out.add(previous);
    }
    return out;
  }

  /**
   * Fits a landmark track into a blendshape track with the rig's target names; a frame marked missing keeps the
   * weights of the frame before (zeros at the start).
   */
  public BlendshapeTrack fitTrack(LandmarkTrack track) {
    if (track.pointCount() != model.points) {
      throw new IllegalArgumentException("the track has " + track.pointCount() + " points, the fitter expects "
          + model.points);
    }
    double[][] weights = new double[track.timesSeconds().length][];
    FitResult previous = null;
    for (int i = 0; i < weights.length; i++) {
      if (track.missing()[i]) {
        weights[i] = previous == null ? new double[model.shapes] : previous.weights().clone();
        continue;
      }
      previous = fit(track.frames()[i], previous);
      weights[i] = previous.weights().clone();
    }
    return new BlendshapeTrack(track.timesSeconds(), rig.shapeNames(), weights);
  }

  /**
   * Estimates a person's identity coefficients from many frames of them: one joint damped Gauss-Newton over the
   * shared identity and every frame's pose and weights, the frames eliminated by their Schur complement, starting
   * from independent fits with this fitter's identity.
   */
  public double[] fitIdentity(double[][] frames) {
    int m = model.modes;
    int n0 = POSE + model.shapes;
    int n = n0 + m;
    double[] id = identity.clone();
    Frame[] fr = new Frame[frames.length];
    State[] states = new State[frames.length];
    for (int f = 0; f < frames.length; f++) {
      fr[f] = new Frame(frames[f]);
      states[f] = State.of(fit(frames[f]), camera, model.shapes);
    }
    double[] h = new double[n * n];
    double[] g = new double[n];
    for (int round = 0; round < IDENTITY_ROUNDS; round++) {
      RigFitter current = withIdentity(id);
      double[] schur = new double[m * m];
      double[] rhs = new double[m];
      double[][] solved = new double[frames.length][];
      for (int f = 0; f < frames.length; f++) {
        current.evaluate(fr[f], states[f], true, null, h, g, n, true);
        boolean[] held = current.heldWeights(states[f], g, n);
        double[] hff = new double[n0 * n0];
        double[] rhsF = new double[n0 * (m + 1)];
        for (int i = 0; i < n0; i++) {
          for (int k = 0; k < n0; k++) {
            hff[i * n0 + k] = held[i] || held[k] ? (i == k ? 1 : 0) : h[i * n + k];
          }
          if (!held[i]) {
            hff[i * n0 + i] *= 1 + 1e-3;
            hff[i * n0 + i] += 1e-12;
            for (int c = 0; c < m; c++) {
              rhsF[i * (m + 1) + c] = h[i * n + n0 + c];
            }
            rhsF[i * (m + 1) + m] = g[i];
          }
        }
        double[] x = solveColumns(hff, rhsF, n0, m + 1);
        solved[f] = x;
        for (int c = 0; c < m; c++) {
          rhs[c] += g[n0 + c];
          for (int d = 0; d < m; d++) {
            schur[c * m + d] += h[(n0 + c) * n + n0 + d];
          }
          for (int i = 0; i < n0; i++) {
            double hic = rhsF[i * (m + 1) + c];
            if (hic == 0) {
              continue;
            }
            rhs[c] -= hic * x[i * (m + 1) + m];
            for (int d = 0; d < m; d++) {
              schur[c * m + d] -= hic * x[i * (m + 1) + d];
            }
          }
        }
      }
      double lambda = options.identityPrior() * frames.length;
      for (int c = 0; c < m; c++) {
        schur[c * m + c] += lambda + 1e-12;
        rhs[c] += lambda * id[c];
      }
      double[] step = solve(schur, rhs, m);
      for (int c = 0; c < m; c++) {
        id[c] += step[c];
      }
      for (int f = 0; f < frames.length; f++) {
        double[] x = solved[f];
        double[] stepF = new double[n0];
        for (int i = 0; i < n0; i++) {
          double v = x[i * (m + 1) + m];
          for (int c = 0; c < m; c++) {
            v += x[i * (m + 1) + c] * step[c];
          }
          stepF[i] = -v;
        }
        states[f] = states[f].stepped(stepF, true, camera);
      }
    }
    return id;
  }

  /** Weights at a bound whose gradient pushes outward: held still in the next step. */
  private boolean[] heldWeights(State s, double[] g, int n) {
    boolean[] held = new boolean[n];
    for (int k = 0; k < model.shapes; k++) {
      double w = s.w[k];
      double gk = g[POSE + k];
      held[POSE + k] = (w <= 0 && gk > 0) || (w >= 1 && gk < 0);
    }
    return held;
  }

  // ---- pose and weights ----

  /** Damped Gauss-Newton with an active set for the weight bounds. */
  private void iterate(Frame f, State s, boolean withWeights, double[] previousWeights, int maxIterations) {
    int n = POSE + (withWeights ? model.shapes : 0);
    double[] h = new double[n * n];
    double[] g = new double[n];
    double mu = 1e-3;
    double cost = evaluate(f, s, withWeights, previousWeights, h, g, n, false);
    for (int it = 0; it < maxIterations; it++) {
      s.iterations++;
      boolean[] held = withWeights ? heldWeights(s, g, n) : new boolean[n];
      boolean improved = false;
      while (!improved && mu < 1e8) {
        double[] a = h.clone();
        double[] b = g.clone();
        for (int i = 0; i < n; i++) {
          if (held[i]) {
            for (int k = 0; k < n; k++) {
              a[i * n + k] = 0;
              a[k * n + i] = 0;
            }
            a[i * n + i] = 1;
            b[i] = 0;
          } else {
            a[i * n + i] += mu * a[i * n + i] + 1e-12;
          }
        }
        double[] step = solve(a, b, n);
        State trial = s.stepped(step, withWeights, camera);
        double trialCost = evaluate(f, trial, withWeights, previousWeights, null, null, n, false);
        if (trialCost < cost) {
          double gain = cost - trialCost;
          s.copyFrom(trial);
          mu = Math.max(1e-7, mu / 3);
          improved = true;
          if (gain < options.tolerance() * cost + 1e-16) {
            return;
          }
          cost = evaluate(f, s, withWeights, previousWeights, h, g, n, false);
        } else {
          mu *= 4;
        }
      }
      if (!improved) {
        return;
      }
    }
  }

  /** The cost; when {@code h} is not null also the Gauss-Newton matrix and gradient (upper and lower halves). */
  private double evaluate(Frame f, State s, boolean withWeights, double[] previousWeights, double[] h, double[] g,
      int n, boolean withIdentity) {
    int ks = model.shapes;
    if (h != null) {
      Arrays.fill(h, 0);
      Arrays.fill(g, 0);
    }
    double cost = 0;
    double[] jc = new double[6];
    double[] p = new double[3];
    double[] q = new double[3];
    double[] uv = new double[2];
    double[] ru = new double[n];
    double[] rv = new double[n];
    int[] idx = new int[n];
    for (int i = 0; i < POSE; i++) {
      idx[i] = i;
    }
    for (int j = 0; j < model.points; j++) {
      if (!f.valid[j]) {
        continue;
      }
      rotatedPoint(s, j, q);
      p[0] = q[0] + s.t[0];
      p[1] = q[1] + s.t[1];
      p[2] = q[2] + s.t[2];
      project(s, p, uv, jc);
      double a = region[j] / f.norm;
      double eu = a * (uv[0] - f.xy[2 * j]);
      double ev = a * (uv[1] - f.xy[2 * j + 1]);
      cost += eu * eu + ev * ev;
      if (h == null) {
        continue;
      }
      // rotation: dP/d(delta) for P = exp([delta]x) q + t
      ru[0] = a * (-jc[1] * q[2] + jc[2] * q[1]);
      ru[1] = a * (jc[0] * q[2] - jc[2] * q[0]);
      ru[2] = a * (-jc[0] * q[1] + jc[1] * q[0]);
      rv[0] = a * (-jc[4] * q[2] + jc[5] * q[1]);
      rv[1] = a * (jc[3] * q[2] - jc[5] * q[0]);
      rv[2] = a * (-jc[3] * q[1] + jc[4] * q[0]);
      ru[3] = a * jc[0];
      ru[4] = a * jc[1];
      rv[3] = a * jc[3];
      rv[4] = a * jc[4];
      if (s.weak) {
        ru[5] = a * (uv[0] - s.cx);
        rv[5] = a * (uv[1] - s.cy);
      } else {
        ru[5] = a * jc[2];
        rv[5] = a * jc[5];
      }
      int m = POSE;
      if (withWeights) {
        double[] mr = jcTimesR(jc, s.r);
        int r0 = (3 * j) * ks;
        int r1 = r0 + ks;
        int r2 = r1 + ks;
        for (int k : model.movers[j]) {
          double bx = model.shapeBasis[r0 + k];
          double by = model.shapeBasis[r1 + k];
          double bz = model.shapeBasis[r2 + k];
          idx[m] = POSE + k;
          ru[m] = a * (mr[0] * bx + mr[1] * by + mr[2] * bz);
          rv[m] = a * (mr[3] * bx + mr[4] * by + mr[5] * bz);
          m++;
        }
      }
      if (withIdentity) {
        double[] mr = jcTimesR(jc, s.r);
        int md = model.modes;
        for (int c = 0; c < md; c++) {
          double bx = model.identityBasis[(3 * j) * md + c];
          double by = model.identityBasis[(3 * j + 1) * md + c];
          double bz = model.identityBasis[(3 * j + 2) * md + c];
          idx[m] = POSE + ks + c;
          ru[m] = a * (mr[0] * bx + mr[1] * by + mr[2] * bz);
          rv[m] = a * (mr[3] * bx + mr[4] * by + mr[5] * bz);
          m++;
        }
      }
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
    if (withWeights) {
      double lw = options.weightPrior();
      double l1 = options.sparsityPrior();
      double lt = previousWeights == null ? 0 : options.temporalPrior();
      for (int k = 0; k < ks; k++) {
        double w = s.w[k];
        double d = previousWeights == null ? 0 : w - previousWeights[k];
        cost += lw * w * w + 2 * l1 * w + lt * d * d;
        if (h != null) {
          g[POSE + k] += lw * w + l1 + lt * d;
          h[(POSE + k) * n + POSE + k] += lw + lt;
        }
      }
    }
    if (h != null) {
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < i; k++) {
          h[i * n + k] = h[k * n + i];
        }
      }
    }
    return cost;
  }

  /** {@code R * X_j} for the landmark's posed position X_j (person neutral plus weighted targets). */
  private void rotatedPoint(State s, int j, double[] out) {
    double[] x = new double[3];
    int ks = model.shapes;
    for (int c = 0; c < 3; c++) {
      double v = person[3 * j + c];
      int row = (3 * j + c) * ks;
      for (int k : model.movers[j]) {
        v += s.w[k] * model.shapeBasis[row + k];
      }
      x[c] = v;
    }
    double[] r = s.r;
    out[0] = r[0] * x[0] + r[1] * x[1] + r[2] * x[2];
    out[1] = r[3] * x[0] + r[4] * x[1] + r[5] * x[2];
    out[2] = r[6] * x[0] + r[7] * x[1] + r[8] * x[2];
  }

  private void point(State s, int j, double[] out) {
    rotatedPoint(s, j, out);
    out[0] += s.t[0];
    out[1] += s.t[1];
    out[2] += s.t[2];
  }

  /** Projects a camera-frame point; {@code jc} receives the 2x3 Jacobian. */
  private void project(State s, double[] p, double[] uv, double[] jc) {
    if (s.weak) {
      uv[0] = s.cx + s.scale * p[0];
      uv[1] = s.cy - s.scale * p[1];
      jc[0] = s.scale;
      jc[1] = 0;
      jc[2] = 0;
      jc[3] = 0;
      jc[4] = -s.scale;
      jc[5] = 0;
    } else if (camera instanceof PinholeCamera pin) {
      double depth = -p[2];
      double a = pin.focalPx() / depth;
      uv[0] = pin.cx() + a * p[0];
      uv[1] = pin.cy() - a * p[1];
      jc[0] = a;
      jc[1] = 0;
      jc[2] = a * p[0] / depth;
      jc[3] = 0;
      jc[4] = -a;
      jc[5] = -a * p[1] / depth;
    } else {
      Vector3D v = new Vector3D(p[0], p[1], p[2]);
      Vector2D im = camera.project(v);
      uv[0] = im.getX();
      uv[1] = im.getY();
      System.arraycopy(camera.jacobian(v), 0, jc, 0, 6);
    }
  }

  private static double[] jcTimesR(double[] jc, double[] r) {
    double[] m = new double[6];
    for (int row = 0; row < 2; row++) {
      for (int c = 0; c < 3; c++) {
        m[3 * row + c] = jc[3 * row] * r[c] + jc[3 * row + 1] * r[3 + c] + jc[3 * row + 2] * r[6 + c];
      }
    }
    return m;
  }

  private static double[] solve(double[] a, double[] b, int n) {
    DMatrixRMaj am = DMatrixRMaj.wrap(n, n, a);
    DMatrixRMaj bm = DMatrixRMaj.wrap(n, 1, b.clone());
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
    if (!chol.setA(am)) {
      LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.pseudoInverse(true);
      qr.setA(DMatrixRMaj.wrap(n, n, a));
      qr.solve(bm, x);
    } else {
      chol.solve(bm, x);
    }
    double[] step = x.getData();
    for (int i = 0; i < n; i++) {
      step[i] = -step[i];
    }
    return step;
  }

  /** Solves {@code a x = b} for a symmetric positive definite {@code a} (n x n) and {@code cols} right sides. */
  private static double[] solveColumns(double[] a, double[] b, int n, int cols) {
    DMatrixRMaj x = new DMatrixRMaj(n, cols);
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
    if (!chol.setA(DMatrixRMaj.wrap(n, n, a.clone()))) {
      chol = LinearSolverFactory_DDRM.pseudoInverse(true);
      chol.setA(DMatrixRMaj.wrap(n, n, a.clone()));
    }
    chol.solve(DMatrixRMaj.wrap(n, cols, b.clone()), x);
    return x.getData();
  }

  // ---- initial pose ----

  /** Closed-form pose: the affine camera that best maps the neutral landmarks to the points, orthonormalised. */
  private State initialPose(Frame f) {
    double[] mx = new double[3];
    double[] my = new double[2];
    int count = 0;
    double cx0 = camera instanceof WeakPerspectiveCamera w ? w.cx() : camera instanceof PinholeCamera p ? p.cx() : 0;
    double cy0 = camera instanceof WeakPerspectiveCamera w ? w.cy() : camera instanceof PinholeCamera p ? p.cy() : 0;
    for (int j = 0; j < model.points; j++) {
      if (f.valid[j]) {
        for (int c = 0; c < 3; c++) {
          mx[c] += person[3 * j + c];
        }
        my[0] += f.xy[2 * j] - cx0;
        my[1] += cy0 - f.xy[2 * j + 1];
        count++;
      }
    }
    if (count < 4) {
      throw new IllegalArgumentException("at least 4 landmarks are needed to fit a pose, got " + count);
    }
    for (int c = 0; c < 3; c++) {
      mx[c] /= count;
    }
    my[0] /= count;
    my[1] /= count;
    double[] xx = new double[9];
    double[] yx = new double[6];
    for (int j = 0; j < model.points; j++) {
      if (!f.valid[j]) {
        continue;
      }
      double[] d = {person[3 * j] - mx[0], person[3 * j + 1] - mx[1], person[3 * j + 2] - mx[2]};
      double[] e = {f.xy[2 * j] - cx0 - my[0], cy0 - f.xy[2 * j + 1] - my[1]};
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          xx[3 * a + b] += d[a] * d[b];
        }
        yx[a] += e[0] * d[a];
        yx[3 + a] += e[1] * d[a];
      }
    }
    for (int a = 0; a < 3; a++) {
      xx[4 * a] += 1e-9;
    }
    double[] r1 = solve(xx.clone(), yx.clone(), 3);
    double[] r2 = solve(xx.clone(), Arrays.copyOfRange(yx, 3, 6), 3);
    for (int c = 0; c < 3; c++) {
      r1[c] = -r1[c];
      r2[c] = -r2[c];
    }
    double s1 = norm(r1);
    double s2 = norm(r2);
    double scale = 0.5 * (s1 + s2);
    Vector3D a1 = new Vector3D(r1[0], r1[1], r1[2]).normalize();
    Vector3D a2 = new Vector3D(r2[0], r2[1], r2[2]);
    a2 = a2.subtract(a1.scalarMultiply(a2.dotProduct(a1))).normalize();
    Vector3D a3 = Vector3D.crossProduct(a1, a2);
    double[] r = {a1.getX(), a1.getY(), a1.getZ(), a2.getX(), a2.getY(), a2.getZ(), a3.getX(), a3.getY(),
      a3.getZ()};
    double rmx = r[0] * mx[0] + r[1] * mx[1] + r[2] * mx[2];
    double rmy = r[3] * mx[0] + r[4] * mx[1] + r[5] * mx[2];
    double rmz = r[6] * mx[0] + r[7] * mx[1] + r[8] * mx[2];
    State s = new State(model.shapes, camera);
    s.r = r;
    if (s.weak) {
      s.scale = scale;
      s.t = new double[] {my[0] / scale - rmx, my[1] / scale - rmy, 0};
    } else {
      double focal = camera instanceof PinholeCamera p ? p.focalPx() : scale;
      double depth = focal / scale;
      s.t = new double[] {my[0] * depth / focal - rmx, my[1] * depth / focal - rmy, -depth - rmz};
    }
    return s;
  }

  private static double norm(double[] v) {
    return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  }

  /** The observed points of one frame. */
  private final class Frame {
    final double[] xy;
    final boolean[] valid;
    final double norm;

    Frame(double[] xy) {
      if (xy.length != 2 * model.points) {
        throw new IllegalArgumentException("expected " + 2 * model.points + " coordinates (" + model.points
            + " landmarks), got " + xy.length);
      }
      this.xy = xy;
      this.valid = new boolean[model.points];
      double minX = Double.POSITIVE_INFINITY;
      double minY = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      double maxY = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < model.points; j++) {
        double x = xy[2 * j];
        double y = xy[2 * j + 1];
        valid[j] = Double.isFinite(x) && Double.isFinite(y);
        if (valid[j]) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
      double diag = Math.hypot(maxX - minX, maxY - minY);
      this.norm = diag > 0 && Double.isFinite(diag) ? diag : 1;
    }
  }

  /** Pose (rotation matrix, translation, weak-perspective scale) and weights being fitted. */
  private static final class State {
    double[] r = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    double[] t = new double[3];
    double[] w;
    final boolean weak;
    double scale;
    final double cx;
    final double cy;
    int iterations;

    State(int shapes, Camera camera) {
      this.w = new double[shapes];
      this.weak = camera instanceof WeakPerspectiveCamera;
      if (camera instanceof WeakPerspectiveCamera wp) {
        scale = wp.scale();
        cx = wp.cx();
        cy = wp.cy();
      } else {
        cx = 0;
        cy = 0;
      }
    }

    static State of(FitResult previous, Camera camera, int shapes) {
      State s = new State(shapes, camera);
      double[][] m = previous.pose().rotationMatrix();
      s.r = new double[] {m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]};
      Vector3D t = previous.pose().translation();
      s.t = new double[] {t.getX(), t.getY(), t.getZ()};
      if (s.weak && previous.camera() instanceof WeakPerspectiveCamera wp) {
        s.scale = wp.scale();
      }
      s.w = previous.weights().clone();
      for (int k = 0; k < shapes; k++) {
        s.w[k] = Math.min(1, Math.max(0, s.w[k]));
      }
      return s;
    }

    State stepped(double[] step, boolean withWeights, Camera camera) {
      State n = new State(w.length, camera);
      n.r = multiply(rodrigues(step[0], step[1], step[2]), r);
      n.t = t.clone();
      n.t[0] += step[3];
      n.t[1] += step[4];
      n.scale = scale;
      if (weak) {
        n.scale = scale * Math.exp(step[5]);
      } else {
        n.t[2] += step[5];
      }
      n.w = w.clone();
      if (withWeights) {
        for (int k = 0; k < w.length; k++) {
          n.w[k] = Math.min(1, Math.max(0, w[k] + step[POSE + k]));
        }
      }
      n.iterations = iterations;
      return n;
    }

    void copyFrom(State o) {
      r = o.r;
      t = o.t;
      w = o.w;
      scale = o.scale;
    }

    FitResult result(Frame f, RigFitter fitter) {
      double[][] m = {{r[0], r[1], r[2]}, {r[3], r[4], r[5]}, {r[6], r[7], r[8]}};
      HeadPose pose = new HeadPose(new Rotation(m, 1e-6), new Vector3D(t[0], t[1], t[2]));
      Camera cam = weak ? new WeakPerspectiveCamera(scale, cx, cy) : fitter.camera;
      double sum = 0;
      int count = 0;
      double[] p = new double[3];
      double[] uv = new double[2];
      double[] jc = new double[6];
      for (int j = 0; j < fitter.model.points; j++) {
        if (f.valid[j]) {
          fitter.point(this, j, p);
          fitter.project(this, p, uv, jc);
          double du = uv[0] - f.xy[2 * j];
          double dv = uv[1] - f.xy[2 * j + 1];
          sum += du * du + dv * dv;
          count++;
        }
      }
      return new FitResult(pose, cam, w.clone(), Math.sqrt(sum / Math.max(1, count)), iterations);
    }

    private static double[] rodrigues(double x, double y, double z) {
      double th = Math.sqrt(x * x + y * y + z * z);
      if (th < 1e-15) {
        return new double[] {1, -z, y, z, 1, -x, -y, x, 1};
      }
      double kx = x / th;
      double ky = y / th;
      double kz = z / th;
      double c = Math.cos(th);
      double s = Math.sin(th);
      double v = 1 - c;
      return new double[] {
        c + kx * kx * v, kx * ky * v - kz * s, kx * kz * v + ky * s,
        ky * kx * v + kz * s, c + ky * ky * v, ky * kz * v - kx * s,
        kz * kx * v - ky * s, kz * ky * v + kx * s, c + kz * kz * v
      };
    }

    private static double[] multiply(double[] a, double[] b) {
      double[] c = new double[9];
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
        }
      }
      return c;
    }
  }
}
