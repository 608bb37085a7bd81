package dev.mimik.learn.ego.post;

/**
 * Temporal smoothing of blendshape tracks: {@link #gaussian} looks both ways (labels of a whole recording, REFA's
 * post-processing); {@link OneEuro} looks only back (live).
 */
public final class Smoothing {

  private Smoothing() {}

  /**
   * Each column of {@code w [frame][shape]} convolved with a Gaussian of {@code sigmaFrames} (zero phase; near the
   * ends the kernel is cut and renormalised). {@code sigmaFrames} 0 copies.
   */
  public static double[][] gaussian(double[][] w, double sigmaFrames) {
    int frames = w.length;
    double[][] out = new double[frames][];
    if (sigmaFrames <= 0) {
      for (int f = 0; f < frames; f++) {
        out[f] = w[f].clone();
      }
      return out;
    }
    int half = (int) Math.ceil(3 * sigmaFrames);
    double[] kernel = new double[2 * half + 1];
    for (int i = -half; i <= half; i++) {
      kernel[i + half] = Math.exp(-0.5 * i * i / (sigmaFrames * sigmaFrames));
    }
    for (int f = 0; f < frames; f++) {
      int n = w[f].length;
      double[] row = new double[n];
      double total = 0;
      for (int i = Math.max(0, f - half); i <= Math.min(frames - 1, f + half); i++) {
        double g = kernel[i - f + half];
        total += g;
        for (int k = 0; k < n; k++) {
          row[k] += g * w[i][k];
        }
      }
      for (int k = 0; k < n; k++) {
        row[k] /= total;
      }
      out[f] = row;
    }
    return out;
  }

  /**
   * The One Euro filter (Casiez, Roussel and Vogel, CHI 2012) on every channel: a first-order low-pass whose cutoff
   * rises with the signal's speed, so that it steadies a still face and lags little behind a moving one. Not
   * thread-safe.
   */
  public static final class OneEuro {

    private final double minCutoffHz;
    private final double beta;
    private final double derivativeCutoffHz;
    private double[] x;
    private double[] dx;
    private double last = Double.NaN;

    /**
     * @param minCutoffHz the cutoff of a still signal
     * @param beta how fast the cutoff rises with speed (per unit per second)
     * @param derivativeCutoffHz the cutoff of the speed estimate
     */
    public OneEuro(double minCutoffHz, double beta, double derivativeCutoffHz) {
      if (!(minCutoffHz > 0) || beta < 0 || !(derivativeCutoffHz > 0)) {
        throw new IllegalArgumentException("cutoffs must be positive and beta not negative");
      }
      this.minCutoffHz = minCutoffHz;
      this.beta = beta;
      this.derivativeCutoffHz = derivativeCutoffHz;
    }

    /** Filters the values at time {@code t} (seconds, increasing); returns the filtered values. */
    public double[] apply(double t, double[] v) {
      if (x == null) {
        x = v.clone();
        dx = new double[v.length];
        last = t;
        return v.clone();
      }
      double dt = t - last;
      last = t;
      if (!(dt > 0)) {
        return x.clone();
      }
      double ad = alpha(derivativeCutoffHz, dt);
      for (int k = 0; k < v.length; k++) {
        double d = (v[k] - x[k]) / dt;
        dx[k] += ad * (d - dx[k]);
        double cutoff = minCutoffHz + beta * Math.abs(dx[k]);
        x[k] += alpha(cutoff, dt) * (v[k] - x[k]);
      }
      return x.clone();
    }

    private static double alpha(double cutoffHz, double dt) {
      double tau = 1 / (2 * Math.PI * cutoffHz);
      return 1 / (1 + tau / dt);
    }
  }
}
