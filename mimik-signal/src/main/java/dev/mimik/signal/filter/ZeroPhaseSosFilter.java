package dev.mimik.signal.filter;

/**
 * Forward-backward IIR filtering without phase shift, equal to {@code scipy.signal.sosfiltfilt(sos, x)} with its
 * defaults: odd extension by {@link Sos#defaultPadLength()} samples at each end, each pass started in the steady
 * state of its first sample ({@code sosfilt_zi}), the padding cut off again.
 *
 * <p>The magnitude response is the square of the causal one. Offline only: it needs the whole signal. scipy's
 * default padding is short for very low cut-offs (a few dozen samples for a 0.1 Hz EOG edge); the steady-state
 * start keeps the edge transient small for signals that begin and end near a constant level.
 */
public final class ZeroPhaseSosFilter {

  private final Sos sos;

  public ZeroPhaseSosFilter(Sos sos) {
    this.sos = sos;
  }

  /**
   * Filters {@code x}, which must be longer than the edge padding. The padding is filtered in its own small
   * arrays around the signal's copy, and the backward pass stops at the signal's start, since scipy cuts off what
   * it gives for the front padding: no padded copy to make and cut.
   */
  public double[] filter(double[] x) {
    int pad = sos.defaultPadLength();
    double[] before = OddExtension.before(x, pad);
    double[] after = OddExtension.after(x, pad);
    double[] y = x.clone();
    CausalSosFilter forward = new CausalSosFilter(sos).settleAt(before[0]);
    forward.processInPlace(before, 0, pad);
    forward.processInPlace(y, 0, y.length);
    forward.processInPlace(after, 0, pad);
    CausalSosFilter backward = new CausalSosFilter(sos).settleAt(after[pad - 1]);
    backward.processReversedInPlace(after, 0, pad);
    backward.processReversedInPlace(y, 0, y.length);
    return y;
  }

  /** Shorthand for {@code new ZeroPhaseSosFilter(sos).filter(x)}. */
  public static double[] filter(Sos sos, double[] x) {
    return new ZeroPhaseSosFilter(sos).filter(x);
  }

  static void reverse(double[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
