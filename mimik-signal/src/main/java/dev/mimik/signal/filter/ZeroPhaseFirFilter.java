package dev.mimik.signal.filter;

/**
 * Forward-backward FIR filtering without phase shift, equal to {@code scipy.signal.filtfilt(taps, [1.0], x)} with
 * its defaults: odd extension by {@code 3 * taps} samples, each pass started in the steady state of its first
 * sample ({@code lfilter_zi}), the padding cut off again. Used by the EIFER preset (129-tap Hamming band-pass).
 */
public final class ZeroPhaseFirFilter {

  private final double[] taps;

  public ZeroPhaseFirFilter(Fir fir) {
    this.taps = fir.taps();
  }

  /** Filters {@code x}, which must be longer than {@code 3 * taps}. */
  public double[] filter(double[] x) {
    int pad = 3 * taps.length;
    double[] ext = OddExtension.extend(x, pad);
    double[] forward = convolveFromSteadyState(ext);
    ZeroPhaseSosFilter.reverse(forward);
    double[] backward = convolveFromSteadyState(forward);
    ZeroPhaseSosFilter.reverse(backward);
    double[] y = new double[x.length];
    System.arraycopy(backward, pad, y, 0, x.length);
    return y;
  }

  /** Shorthand for {@code new ZeroPhaseFirFilter(fir).filter(x)}. */
  public static double[] filter(Fir fir, double[] x) {
    return new ZeroPhaseFirFilter(fir).filter(x);
  }

  /** FIR output as if the input had stayed at its first value forever before (lfilter with zi * x[0]). */
  private double[] convolveFromSteadyState(double[] x) {
    int m = taps.length;
    double first = x[0];
    double[] y = new double[x.length];
    // tail sums of the taps: the contribution of the constant history
    double[] history = new double[m];
    double acc = 0;
    for (int k = m - 1; k >= 1; k--) {
      acc += taps[k];
      history[k - 1] = acc * first;
    }
    int head = Math.min(x.length, m - 1);
    for (int n = 0; n < head; n++) {
      double s = history[n];
      for (int k = 0; k <= n; k++) {
        s += taps[k] * x[n - k];
      }
      y[n] = s;
    }
    // steady part: four partial sums let the CPU overlap the multiply-adds
    int m4 = m - m % 4;
    for (int n = head; n < x.length; n++) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int k = 0;
      for (; k < m4; k += 4) {
        s0 += taps[k] * x[n - k];
        s1 += taps[k + 1] * x[n - k - 1];
        s2 += taps[k + 2] * x[n - k - 2];
        s3 += taps[k + 3] * x[n - k - 3];
      }
      for (; k < m; k++) {
        s0 += taps[k] * x[n - k];
      }
      y[n] = (s0 + s1) + (s2 + s3);
    }
    return y;
  }
}
