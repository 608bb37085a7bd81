package dev.mimik.face.eyes;

/**
 * The state of one eye in one frame.
 *
 * @param aperture the eyelid aperture ratio measured in the landmarks (NaN when it was not measured, e.g. EOG only)
 * @param closure probability that the eye is closed, in [0, 1]
 */
public record EyeState(double aperture, double closure) {

  /** Closure probabilities are kept this far from 0 and 1 when fused, so one source can never veto the other. */
  static final double CLAMP = 1e-3;

  public EyeState {
    if (!(closure >= 0 && closure <= 1)) {
      throw new IllegalArgumentException("closure probability must be in [0, 1], got " + closure);
    }
  }

  /** Closed when the closure probability is at least one half, as the paper's detector threshold. */
  public boolean closed() {
    return closure >= 0.5;
  }

  /**
   * Fuses two independent closure probabilities (landmarks and EOG) by adding their log-odds (naive Bayes with an
   * even prior): agreeing sources reinforce each other, a confident source outweighs an unsure one, and a
   * probability of 0.5 (no information) leaves the other unchanged. Each is clamped to [0.001, 0.999] first.
   */
  public static double fuse(double closureA, double closureB) {
    double logit = logit(closureA) + logit(closureB);
    return 1 / (1 + Math.exp(-logit));
  }

  /** This state with its closure fused with another source's ({@link #fuse}); the aperture is kept. */
  public EyeState fusedWith(double otherClosure) {
    return new EyeState(aperture, fuse(closure, otherClosure));
  }

  private static double logit(double p) {
    double q = Math.min(1 - CLAMP, Math.max(CLAMP, p));
    return Math.log(q / (1 - q));
  }
}
