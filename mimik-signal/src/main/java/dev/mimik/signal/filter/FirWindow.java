package dev.mimik.signal.filter;

/**
 * Symmetric windows for FIR design, as {@code scipy.signal.get_window(..., fftbins=False)}.
 */
public sealed interface FirWindow {

  /** The window's {@code length} coefficients. */
  double[] coefficients(int length);

  /** Hamming: {@code 0.54 - 0.46 cos(2 pi n / (M - 1))}; scipy's {@code firwin} default. */
  static FirWindow hamming() {
    return new Hamming();
  }

  /** Kaiser with shape {@code beta}; {@code resample_poly} uses beta 5. */
  static FirWindow kaiser(double beta) {
    return new Kaiser(beta);
  }

  /** The Hamming window. */
  record Hamming() implements FirWindow {
    @Override
    public double[] coefficients(int length) {
      double[] w = new double[length];
      if (length == 1) {
        w[0] = 1;
        return w;
      }
      for (int n = 0; n < length; n++) {
        w[n] = 0.54 - 0.46 * Math.cos(2 * Math.PI * n / (length - 1));
      }
      return w;
    }
  }

  /** The Kaiser window, {@code I0(beta sqrt(1 - ((n - a) / a)^2)) / I0(beta)} with {@code a = (M - 1) / 2}. */
  record Kaiser(double beta) implements FirWindow {
    @Override
    public double[] coefficients(int length) {
      double[] w = new double[length];
      if (length == 1) {
        w[0] = 1;
        return w;
      }
      double alpha = (length - 1) / 2.0;
      double norm = besselI0(beta);
      for (int n = 0; n < length; n++) {
        double r = (n - alpha) / alpha;
        w[n] = besselI0(beta * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / norm;
      }
      return w;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges for any x). */
    static double besselI0(double x) {
      double q = x * x / 4.0;
      double term = 1.0;
      double sum = 1.0;
      for (int k = 1; k < 500; k++) {
        term *= q / ((double) k * k);
        sum += term;
        if (term < sum * 1e-17) {
          break;
        }
      }
      return sum;
    }
  }
}
