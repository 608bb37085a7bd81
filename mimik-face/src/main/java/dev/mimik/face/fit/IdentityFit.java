package dev.mimik.face.fit;

import static dev.mimik.face.fit.FitState.POSE;

/**
 * A person's identity coefficients from many frames of them: damped Gauss-Newton over the shared identity and every
 * frame's pose and weights together, with an L2 prior pulling the identity toward 0 (the average face). Each frame's
 * own parameters are eliminated by their Schur complement, so the system solved per round is only as large as the
 * identity, and each frame's step follows from the identity step by back-substitution.
 */
final class IdentityFit {

  private static final int ROUNDS = 8;
  /** Damping of each frame's block, relative to its diagonal. */
  private static final double FRAME_DAMPING = 1e-3;

  private final LandmarkResiduals landmarks;
  private final LocalDistanceResiduals pairs;
  private final FitOptions options;

  IdentityFit(LandmarkResiduals landmarks, LocalDistanceResiduals pairs, FitOptions options) {
    this.landmarks = landmarks;
    this.pairs = pairs;
    this.options = options;
  }

  /**
   * The identity coefficients, starting from {@code identity} and each frame's independent fit ({@code states},
   * replaced by the joint fit's).
   */
  double[] fit(double[] identity, Observation[] frames, FitState[] states) {
    LandmarkModel model = landmarks.model();
    int m = model.modes;
    int n0 = POSE + model.shapes;
    int n = n0 + m;
    double[] id = identity.clone();
    NormalEquations eq = new NormalEquations(n);
    double[] h = eq.h;
    double[] g = eq.g;
    for (int round = 0; round < ROUNDS; round++) {
      LandmarkResiduals current = landmarks.withIdentity(id);
      double[] schur = new double[m * m];
      double[] rhs = new double[m];
      double[][] solved = new double[frames.length][];
      for (int f = 0; f < frames.length; f++) {
        FrameObjective objective = new FrameObjective(current, pairs, options, frames[f], null, true, true);
        objective.linearize(states[f], eq);
        boolean[] held = BoundedLevenbergMarquardt.held(objective, states[f], g);
        double[] hff = new double[n0 * n0];
        double[] rhsF = new double[n0 * (m + 1)];
        for (int i = 0; i < n0; i++) {
          for (int k = 0; k < n0; k++) {
            hff[i * n0 + k] = held[i] || held[k] ? (i == k ? 1 : 0) : h[i * n + k];
          }
          if (!held[i]) {
            hff[i * n0 + i] *= 1 + FRAME_DAMPING;
            hff[i * n0 + i] += 1e-12;
            for (int c = 0; c < m; c++) {
              rhsF[i * (m + 1) + c] = h[i * n + n0 + c];
            }
            rhsF[i * (m + 1) + m] = g[i];
          }
        }
        double[] x = CholeskySolver.solveColumns(hff, rhsF, n0, m + 1);
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
      double[] step = CholeskySolver.solve(schur, rhs, m);
      for (int c = 0; c < m; c++) {
        step[c] = -step[c];
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
        states[f] = states[f].stepped(stepF, true);
      }
    }
    return id;
  }
}
