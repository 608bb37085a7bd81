package dev.mimik.face.fit;

import static dev.mimik.face.fit.FitState.POSE;

/**
 * The cost of fitting one frame: the {@link LandmarkResiduals}, the {@link LocalDistanceResiduals} and, when the
 * weights are fitted, their priors (L2 toward 0, stronger on targets the landmarks barely see
 * ({@link LandmarkModel#priorScale}), L1 toward sparsity, L2 toward the previous frame's weights), as a
 * {@link BoundedLevenbergMarquardt} problem over {@link FitState}s: the pose, then the weights in [0, 1] when
 * fitted, then the identity coefficients when fitted. One instance serves one fit on one thread (it holds scratch).
 */
final class FrameObjective implements BoundedLevenbergMarquardt.Problem<FitState> {

  private final LandmarkResiduals landmarks;
  private final LocalDistanceResiduals pairs;
  private final FitOptions options;
  private final Observation frame;
  private final double[] previousWeights;
  private final boolean withWeights;
  private final boolean withIdentity;
  private final int shapes;
  private final int n;
  private final LandmarkResiduals.Rows rows;
  private final LocalDistanceResiduals.Workspace pairRows;
  private final double[] priorScale;

  /**
   * @param previousWeights the previous frame's weights, for the temporal prior; null without one
   * @param withWeights whether the weights are fitted (else the pose alone)
   * @param withIdentity whether the identity coefficients are fitted too (with the weights)
   */
  FrameObjective(LandmarkResiduals landmarks, LocalDistanceResiduals pairs, FitOptions options, Observation frame,
      double[] previousWeights, boolean withWeights, boolean withIdentity) {
    this.landmarks = landmarks;
    this.pairs = pairs;
    this.options = options;
    this.frame = frame;
    this.previousWeights = previousWeights;
    this.withWeights = withWeights;
    this.withIdentity = withIdentity;
    this.shapes = landmarks.model().shapes;
    this.n = landmarks.parameters(withWeights, withIdentity);
    this.rows = new LandmarkResiduals.Rows(n);
    this.pairRows = pairs.isEmpty() ? null : new LocalDistanceResiduals.Workspace(n);
    this.priorScale = landmarks.model().priorScale;
  }

  @Override
  public int dimension() {
    return n;
  }

  @Override
  public double cost(FitState s) {
    return evaluate(s, null);
  }

  @Override
  public double linearize(FitState s, NormalEquations eq) {
    eq.clear();
    double cost = evaluate(s, eq);
    eq.symmetrise();
    return cost;
  }

  @Override
  public boolean atLowerBound(FitState s, int parameter) {
    return isWeight(parameter) && s.w[parameter - POSE] <= 0;
  }

  @Override
  public boolean atUpperBound(FitState s, int parameter) {
    return isWeight(parameter) && s.w[parameter - POSE] >= 1;
  }

  @Override
  public FitState step(FitState s, double[] step) {
    return s.stepped(step, withWeights);
  }

  private boolean isWeight(int parameter) {
    return withWeights && parameter >= POSE && parameter < POSE + shapes;
  }

  private double evaluate(FitState s, NormalEquations eq) {
    double cost = landmarks.addTo(eq, frame, s, withWeights, withIdentity, rows);
    if (pairRows != null) {
      cost += pairs.addTo(eq, frame, s, landmarks, withWeights, withIdentity, pairRows);
    }
    if (withWeights) {
      double lw = options.weightPrior();
      double l1 = options.sparsityPrior();
      double lt = previousWeights == null ? 0 : options.temporalPrior();
      for (int k = 0; k < shapes; k++) {
        double w = s.w[k];
        double d = previousWeights == null ? 0 : w - previousWeights[k];
        double lwk = lw * priorScale[k];
        cost += lwk * w * w + 2 * l1 * w + lt * d * d;
        if (eq != null) {
          eq.addDiagonal(POSE + k, lwk + lt, lwk * w + l1 + lt * d);
        }
      }
    }
    return cost;
  }
}
