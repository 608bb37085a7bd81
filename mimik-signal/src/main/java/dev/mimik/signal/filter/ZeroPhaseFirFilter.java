package dev.mimik.signal.filter;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Forward-backward FIR filtering without phase shift, equal to {@code scipy.signal.filtfilt(taps, [1.0], x)} with
 * its defaults: odd extension by {@code 3 * taps} samples, each pass started in the steady state of its first
 * sample ({@code lfilter_zi}), the padding cut off again. Used by the EIFER preset (129-tap Hamming band-pass).
 *
 * <p>Each pass is a fast convolution (overlap-save with JTransforms' real FFT); it agrees with scipy's direct
 * convolution to rounding. Not thread-safe: one instance per thread.
 */
public final class ZeroPhaseFirFilter {

  private final double[] taps;
  private final int fftSize;
  private final DoubleFFT_1D fft;
  /** The taps' spectrum in JTransforms' packed real format. */
  private final double[] spectrum;
  private final double[] block;

  public ZeroPhaseFirFilter(Fir fir) {
    this.taps = fir.taps();
    this.fftSize = Math.max(256, Integer.highestOneBit(8 * taps.length - 1) << 1);
    this.fft = new DoubleFFT_1D(fftSize);
    this.spectrum = new double[fftSize];
    System.arraycopy(taps, 0, spectrum, 0, taps.length);
    fft.realForward(spectrum);
    this.block = new double[fftSize];
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

  /**
   * FIR output as if the input had stayed at its first value forever before (lfilter with zi * x[0]):
   * {@code y[n] = sum_k taps[k] u[n + m - 1 - k]} with {@code u} = {@code m - 1} copies of {@code x[0]}, then
   * {@code x}.
   */
  private double[] convolveFromSteadyState(double[] x) {
    int m = taps.length;
    int hist = m - 1;
    int step = fftSize - hist; // outputs per block
    double[] y = new double[x.length];
    for (int start = 0; start < x.length; start += step) {
      // block covers u[start .. start + fftSize); u[i] = x[0] for i < hist, else x[i - hist], 0 past the end
      for (int j = 0; j < fftSize; j++) {
        int i = start + j - hist;
        block[j] = i < 0 ? x[0] : i < x.length ? x[i] : 0.0;
      }
      fft.realForward(block);
      multiplyPacked(block, spectrum);
      fft.realInverse(block, true);
      int count = Math.min(step, x.length - start);
      System.arraycopy(block, hist, y, start, count);
    }
    return y;
  }

  /** {@code a *= b} for two spectra in JTransforms' packed real layout (a[1] holds the Nyquist bin). */
  private static void multiplyPacked(double[] a, double[] b) {
    a[0] *= b[0];
    a[1] *= b[1];
    for (int k = 2; k < a.length; k += 2) {
      double re = a[k] * b[k] - a[k + 1] * b[k + 1];
      double im = a[k] * b[k + 1] + a[k + 1] * b[k];
      a[k] = re;
      a[k + 1] = im;
    }
  }
}
