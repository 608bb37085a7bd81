package dev.mimik.signal.resample;

import dev.mimik.signal.filter.Fir;
import dev.mimik.signal.filter.FirWindow;

/**
 * Rational-rate resampling by a polyphase FIR filter, equal to {@code scipy.signal.resample_poly(x, up, down)}
 * (default Kaiser window, beta 5.0, zero padding beyond the ends): the same anti-aliasing filter
 * ({@code firwin(20 * max(up, down) + 1, 1 / max(up, down))} times {@code up}), the same delay compensation and
 * the same output length {@code ceil(n * up / down)}.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class PolyphaseResampler {

  private final int up;
  private final int down;
  private final double[] h;
  private final int prePad;

  /** Resampler by {@code up / down} (reduced by their gcd) with scipy's default Kaiser window (beta 5). */
  public PolyphaseResampler(int up, int down) {
    this(up, down, FirWindow.kaiser(5.0));
  }

  /** Resampler by {@code up / down} (reduced by their gcd) with the given window for the filter design. */
  public PolyphaseResampler(int up, int down, FirWindow window) {
    if (up < 1 || down < 1) {
      throw new IllegalArgumentException("up and down must be positive: " + up + "/" + down);
    }
    int g = gcd(up, down);
    this.up = up / g;
    this.down = down / g;
    if (this.up == 1 && this.down == 1) {
      this.h = new double[] {1.0};
      this.prePad = 0;
      return;
    }
    int maxRate = Math.max(this.up, this.down);
    int halfLen = 10 * maxRate;
    double[] taps = Fir.windowed(2 * halfLen + 1, new double[] {1.0 / maxRate}, window, true, 2.0).taps();
    for (int i = 0; i < taps.length; i++) {
      taps[i] *= this.up;
    }
    this.h = taps;
    this.prePad = this.down - halfLen % this.down;
  }

  /** A resampler between two integer-valued rates in Hz, e.g. 4096 Hz to 30 Hz (up 15, down 2048). */
  public static PolyphaseResampler between(double fromHz, double toHz) {
    long from = Math.round(fromHz);
    long to = Math.round(toHz);
    if (from != fromHz || to != toHz || from > Integer.MAX_VALUE || to > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("polyphase resampling needs integer rates: " + fromHz + " -> " + toHz);
    }
    return new PolyphaseResampler((int) to, (int) from);
  }

  public int up() {
    return up;
  }

  public int down() {
    return down;
  }

  /** Number of output samples for {@code n} input samples: {@code ceil(n * up / down)}. */
  public int outputLength(int n) {
    long total = (long) n * up;
    return (int) (total / down + (total % down != 0 ? 1 : 0));
  }

  /** Resamples {@code x}. */
  public double[] resample(double[] x) {
    int nOut = outputLength(x.length);
    if (up == 1 && down == 1) {
      return x.clone();
    }
    int halfLen = (h.length - 1) / 2;
    int preRemove = (halfLen + prePad) / down;
    double[] y = new double[nOut];
    int nIn = x.length;
    for (int i = 0; i < nOut; i++) {
      // output (preRemove + i) of upfirdn(h padded by prePad zeros, x, up, down)
      long j = (long) (preRemove + i) * down - prePad; // index into the upsampled signal convolved with h
      int phase = (int) Math.floorMod(j, (long) up);
      long xi = Math.floorDiv(j, (long) up); // x index paired with h[phase]
      int kStart = phase;
      if (xi >= nIn) {
        int skip = (int) (xi - nIn + 1);
        kStart += skip * up;
        xi -= skip;
      }
      double s = 0;
      for (int k = kStart; k < h.length && xi >= 0; k += up, xi--) {
        s += h[k] * x[(int) xi];
      }
      y[i] = s;
    }
    return y;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
