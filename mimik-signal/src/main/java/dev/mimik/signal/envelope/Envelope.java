package dev.mimik.signal.envelope;

import dev.mimik.signal.filter.Butterworth;
import dev.mimik.signal.filter.CausalSosFilter;
import dev.mimik.signal.filter.Sos;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;

/**
 * The linear envelope of an EMG signal: full-wave rectification followed by a Butterworth low-pass, the usual
 * measure of muscle activation over time.
 */
public final class Envelope {

  private Envelope() {}

  /** {@code |x|}. */
  public static double[] rectify(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.abs(x[i]);
    }
    return y;
  }

  /**
   * Rectified envelope: {@code |x|} low-passed at {@code cutoffHz} by a second-order Butterworth, zero-phase
   * (offline) or causal (live, settled at the first value).
   */
  public static double[] rectified(double[] x, double fs, double cutoffHz, boolean zeroPhase) {
    Sos lowPass = Butterworth.lowPass(2, cutoffHz, fs);
    double[] r = rectify(x);
    if (zeroPhase) {
      return ZeroPhaseSosFilter.filter(lowPass, r);
    }
    if (r.length == 0) {
      return r;
    }
    new CausalSosFilter(lowPass).settleAt(r[0]).processInPlace(r, 0, r.length);
    return r;
  }
}
