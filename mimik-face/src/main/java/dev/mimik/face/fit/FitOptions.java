package dev.mimik.face.fit;

/**
 * Settings of {@link RigFitter}. Pixel residuals are divided by the size of the observed landmarks' bounding box
 * (its diagonal), so the prior strengths below do not depend on image resolution.
 *
 * @param weightPrior strength of the L2 prior pulling expression weights toward 0 (times a factor per target that
 *     grows as the landmarks see it less, {@code LandmarkModel.priorScale})
 * @param sparsityPrior strength of the L1 prior on the (non-negative) weights: among target combinations that
 *     explain the landmarks equally well (a blink and a downward look move the lids alike), prefers the sparsest
 * @param temporalPrior strength of the prior pulling weights toward the previous frame's (sequences only)
 * @param identityPrior strength of the L2 prior pulling identity coefficients toward 0 (the average face)
 * @param rigidIterations Gauss-Newton iterations of the first stage (pose alone) without a previous frame
 * @param iterations iterations of the second stage (pose and weights)
 * @param regions per-region landmark weights
 * @param tolerance iterations stop when an accepted step lowers the cost by less than this fraction
 * @param localDistances weights of the local dynamic loss on eyelid and lip pair distances (off by default)
 */
public record FitOptions(
    double weightPrior,
    double sparsityPrior,
    double temporalPrior,
    double identityPrior,
    int rigidIterations,
    int iterations,
    RegionWeights regions,
    double tolerance,
    LocalDistances localDistances) {

  public FitOptions {
    if (!(weightPrior >= 0) || !(sparsityPrior >= 0) || !(temporalPrior >= 0) || !(identityPrior >= 0)
        || !(tolerance >= 0)) {
      throw new IllegalArgumentException("priors must be non-negative");
    }
    if (rigidIterations < 0 || iterations < 1) {
      throw new IllegalArgumentException("iteration counts must be positive");
    }
    java.util.Objects.requireNonNull(regions, "regions");
    java.util.Objects.requireNonNull(localDistances, "localDistances");
  }

  /** Settings without the local distance term. */
  public FitOptions(double weightPrior, double sparsityPrior, double temporalPrior, double identityPrior,
      int rigidIterations, int iterations, RegionWeights regions, double tolerance) {
    this(weightPrior, sparsityPrior, temporalPrior, identityPrior, rigidIterations, iterations, regions, tolerance,
        LocalDistances.off());
  }

  public FitOptions withLocalDistances(LocalDistances l) {
    return new FitOptions(weightPrior, sparsityPrior, temporalPrior, identityPrior, rigidIterations, iterations,
        regions, tolerance, l);
  }

  /** Defaults tuned on landmarks generated from the embedded rig with 1 px noise. */
  public static FitOptions defaults() {
    return new FitOptions(2e-5, 4e-5, 5e-4, 1e-6, 10, 20, RegionWeights.uniform(), 1e-5);
  }

  public FitOptions withRegions(RegionWeights r) {
    return new FitOptions(weightPrior, sparsityPrior, temporalPrior, identityPrior, rigidIterations, iterations, r,
        tolerance, localDistances);
  }

  public FitOptions withWeightPrior(double prior) {
    return new FitOptions(prior, sparsityPrior, temporalPrior, identityPrior, rigidIterations, iterations, regions,
        tolerance, localDistances);
  }

  public FitOptions withSparsityPrior(double prior) {
    return new FitOptions(weightPrior, prior, temporalPrior, identityPrior, rigidIterations, iterations, regions,
        tolerance, localDistances);
  }

  public FitOptions withTemporalPrior(double prior) {
    return new FitOptions(weightPrior, sparsityPrior, prior, identityPrior, rigidIterations, iterations, regions,
        tolerance, localDistances);
  }
}
