package dev.mimik.signal.envelope;

import dev.mimik.signal.WindowAlignment;

/**
 * Root mean square over a sliding window, one output per input sample (EIFER uses 2048 samples at 4096 Hz).
 *
 * <p>Edges: where the window reaches past either end of the signal, the mean is taken over the samples that
 * exist (a truncated window), so the output has no artificial dip at the ends. The static method serves whole
 * signals; an instance serves a live stream with a {@link WindowAlignment#TRAILING} window in bounded memory.
 */
public final class SlidingRms {

  private final double[] ring;
  private int next;
  private int filled;
  private double sumSquares;
  private long sinceExact;

  /** A streaming trailing RMS over {@code windowSamples} samples. */
  public SlidingRms(int windowSamples) {
    if (windowSamples < 1) {
      throw new IllegalArgumentException("RMS window must hold at least one sample: " + windowSamples);
    }
    ring = new double[windowSamples];
  }

  /** Window length in samples for a window of {@code seconds} at rate {@code fs} (at least one sample). */
  public static int samplesFor(double seconds, double fs) {
    return Math.max(1, (int) Math.round(seconds * fs));
  }

  /** Adds one sample and returns the RMS of the last {@code window} samples (fewer at the start). */
  public double process(double x) {
    double sq = x * x;
    if (filled == ring.length) {
      sumSquares -= ring[next];
    } else {
      filled++;
    }
    ring[next] = sq;
    sumSquares += sq;
    next = (next + 1) % ring.length;
    if (++sinceExact >= ring.length) { // bound the rounding drift of the running sum
      sinceExact = 0;
      double s = 0;
      for (int i = 0; i < filled; i++) {
        s += ring[i];
      }
      sumSquares = s;
    }
    return Math.sqrt(Math.max(0.0, sumSquares) / filled);
  }

  /** RMS of {@code x} over a window of {@code windowSamples} placed by {@code alignment} at every sample. */
  public static double[] of(double[] x, int windowSamples, WindowAlignment alignment) {
    if (windowSamples < 1) {
      throw new IllegalArgumentException("RMS window must hold at least one sample: " + windowSamples);
    }
    int n = x.length;
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + x[i] * x[i];
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int from = Math.max(0, alignment.firstSample(i, windowSamples));
      int to = Math.min(n, alignment.firstSample(i, windowSamples) + windowSamples);
      y[i] = Math.sqrt(Math.max(0.0, prefix[to] - prefix[from]) / (to - from));
    }
    return y;
  }

  /** RMS over a window given in seconds at rate {@code fs}. */
  public static double[] of(double[] x, double windowSeconds, double fs, WindowAlignment alignment) {
    return of(x, samplesFor(windowSeconds, fs), alignment);
  }
}
