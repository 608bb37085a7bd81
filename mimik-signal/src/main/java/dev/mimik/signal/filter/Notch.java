package dev.mimik.signal.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Second-order IIR notch filters against power-line interference, equal to {@code scipy.signal.iirnotch}.
 *
 * <p>iirj has no notch; scipy's closed form (a one-pole-pair band-stop whose -3 dB width is {@code f0 / Q}) is
 * used as is.
 */
public final class Notch {

  private Notch() {}

  /** One notch at {@code f0Hz} with quality factor {@code q} (width {@code f0/q} at -3 dB). */
  public static Sos at(double f0Hz, double q, double fs) {
    if (!(f0Hz > 0 && f0Hz < fs / 2)) {
      throw new IllegalArgumentException("notch frequency " + f0Hz + " Hz must lie between 0 and Nyquist " + fs / 2);
    }
    if (!(q > 0)) {
      throw new IllegalArgumentException("quality factor must be positive: " + q);
    }
    double w0 = 2 * f0Hz / fs;
    double bw = w0 / q * Math.PI;
    w0 *= Math.PI;
    double beta = Math.tan(bw / 2.0); // sqrt(1 - gb^2) / gb with gb = 1/sqrt(2)
    double gain = 1.0 / (1.0 + beta);
    double c = Math.cos(w0);
    return new Sos(new double[][] {{gain, -2.0 * c * gain, gain, 1.0, -2.0 * gain * c, 2.0 * gain - 1.0}});
  }

  /**
   * Notches at {@code f0Hz} and its harmonics up to {@code maxHz} (and below Nyquist), one section each, e.g.
   * 50, 100, 150 Hz for mains at 50 Hz.
   */
  public static Sos withHarmonics(double f0Hz, double q, double fs, double maxHz) {
    List<double[]> rows = new ArrayList<>();
    for (double f = f0Hz; f <= maxHz && f < fs / 2; f += f0Hz) {
      rows.add(at(f, q, fs).sections()[0]);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no harmonic of " + f0Hz + " Hz lies below " + Math.min(maxHz, fs / 2) + " Hz");
    }
    return new Sos(rows.toArray(double[][]::new));
  }
}
