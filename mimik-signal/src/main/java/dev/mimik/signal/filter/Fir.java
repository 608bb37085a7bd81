package dev.mimik.signal.filter;

/**
 * A linear-phase FIR filter designed by the window method, equal to {@code scipy.signal.firwin}.
 *
 * @param taps the impulse response; not copied, treat as read-only
 */
public record Fir(double[] taps) {

  public Fir {
    if (taps.length == 0) {
      throw new IllegalArgumentException("an FIR filter needs at least one tap");
    }
  }

  /**
   * {@code scipy.signal.firwin(numtaps, cutoffs, window=window, pass_zero=passZero, scale=True, fs=fs)}.
   *
   * @param cutoffsHz increasing band edges in Hz, strictly between 0 and Nyquist
   * @param passZero whether the first band (from 0 Hz) passes
   */
  public static Fir windowed(int numTaps, double[] cutoffsHz, FirWindow window, boolean passZero, double fs) {
    double nyq = fs / 2;
    int nc = cutoffsHz.length;
    if (nc == 0 || numTaps < 1) {
      throw new IllegalArgumentException("firwin needs at least one cutoff and one tap");
    }
    boolean passNyquist = ((nc & 1) == 1) ^ passZero;
    if (passNyquist && numTaps % 2 == 0) {
      throw new IllegalArgumentException("a filter passing Nyquist needs an odd number of taps: " + numTaps);
    }
    double[] edges = new double[nc + (passZero ? 1 : 0) + (passNyquist ? 1 : 0)];
    int k = 0;
    if (passZero) {
      edges[k++] = 0.0;
    }
    double previous = 0.0;
    for (double c : cutoffsHz) {
      double e = c / nyq;
      if (!(e > previous && e < 1.0)) {
        throw new IllegalArgumentException("cutoffs must increase strictly between 0 and Nyquist " + nyq + " Hz");
      }
      edges[k++] = e;
      previous = e;
    }
    if (passNyquist) {
      edges[k] = 1.0;
    }
    double alpha = 0.5 * (numTaps - 1);
    double[] h = new double[numTaps];
    for (int band = 0; band < edges.length; band += 2) {
      double left = edges[band];
      double right = edges[band + 1];
      for (int n = 0; n < numTaps; n++) {
        double m = n - alpha;
        h[n] += right * sinc(right * m) - left * sinc(left * m);
      }
    }
    double[] w = window.coefficients(numTaps);
    for (int n = 0; n < numTaps; n++) {
      h[n] *= w[n];
    }
    // unit gain at the centre of the first pass band (0, Nyquist or the band's middle)
    double left = edges[0];
    double right = edges[1];
    double scaleFrequency = left == 0.0 ? 0.0 : right == 1.0 ? 1.0 : 0.5 * (left + right);
    double s = 0;
    for (int n = 0; n < numTaps; n++) {
      s += h[n] * Math.cos(Math.PI * (n - alpha) * scaleFrequency);
    }
    for (int n = 0; n < numTaps; n++) {
      h[n] /= s;
    }
    return new Fir(h);
  }

  /** Band-pass with a Hamming window, as {@code firwin(numTaps, [lowHz, highHz], pass_zero=False, fs=fs)}. */
  public static Fir bandPass(int numTaps, double lowHz, double highHz, double fs) {
    return windowed(numTaps, new double[] {lowHz, highHz}, FirWindow.hamming(), false, fs);
  }

  static double sinc(double x) {
    if (x == 0.0) {
      return 1.0;
    }
    double px = Math.PI * x;
    return Math.sin(px) / px;
  }

  /** Length of the impulse response. */
  public int length() {
    return taps.length;
  }
}
