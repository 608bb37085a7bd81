package dev.mimik.signal.blink;

import dev.mimik.core.data.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds blinks in a vertical EOG channel (ideally its 0.1-10 Hz band): a blink is a brief deflection of one
 * polarity (upward for the usual electrode placement), far larger than the noise.
 *
 * <p>Method: the local baseline (a running median over {@code +-baselineSeconds}, sampled every 0.1 s and
 * interpolated) is subtracted, so slow drift and gaze shifts do not move the threshold; a robust threshold
 * {@code median + thresholdMads * 1.4826 * MAD} of the result finds candidates; the amplitude is the peak above
 * the baseline, and onset/offset are where the signal crosses {@code edgeFraction * amplitude} before and after
 * the peak. Candidates whose duration falls outside {@code [minDurationSeconds, maxDurationSeconds]}, or after
 * which the raw signal does not return to within half the amplitude of its level before onset (a saccade or
 * gaze step, not a blink), are dropped.
 *
 * @param thresholdMads detection threshold in robust standard deviations (default 5)
 * @param edgeFraction fraction of the amplitude that marks onset and offset (default 0.1)
 * @param minDurationSeconds shortest blink accepted (default 0.05 s)
 * @param maxDurationSeconds longest blink accepted (default 1 s)
 * @param baselineSeconds half-width of the running-median baseline window (default 1 s)
 * @param positive true when blinks deflect upward
 */
public record BlinkDetector(double thresholdMads, double edgeFraction, double minDurationSeconds,
    double maxDurationSeconds, double baselineSeconds, boolean positive) {

  public BlinkDetector {
    if (!(thresholdMads > 0 && edgeFraction > 0 && edgeFraction < 1 && minDurationSeconds >= 0
        && maxDurationSeconds > minDurationSeconds && baselineSeconds > 0)) {
      throw new IllegalArgumentException("bad blink detector settings");
    }
  }

  /** Window before onset and after offset whose levels must agree: a blink returns to where it started. */
  static final double SETTLE_SECONDS = 0.1;
  /** Largest level change across a blink, as a fraction of its amplitude; larger ones are steps (saccades). */
  static final double MAX_STEP_FRACTION = 0.5;

  /** Defaults for upward blinks. */
  public static BlinkDetector standard() {
    return new BlinkDetector(5, 0.1, 0.05, 1.0, 1.0, true);
  }

  /** Blinks in an EOG channel; times count from the channel's first sample. */
  public List<Blink> detect(Channel eog) {
    return detect(eog.samples(), eog.samplingRate());
  }

  /** Blinks in EOG samples at rate {@code fs}; times count from the first sample. */
  public List<Blink> detect(double[] samples, double fs) {
    int n = samples.length;
    List<Blink> blinks = new ArrayList<>();
    if (n < 3) {
      return blinks;
    }
    double[] baseline = movingMedian(samples, Math.max(1, (int) Math.round(baselineSeconds * fs)),
        Math.max(1, (int) Math.round(0.1 * fs)));
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (positive ? 1 : -1) * (samples[i] - baseline[i]);
    }
    double median = median(x.clone(), n);
    double[] dev = new double[n];
    for (int i = 0; i < n; i++) {
      dev[i] = Math.abs(x[i] - median);
    }
    double sigma = 1.4826 * median(dev, n);
    if (!(sigma > 0)) {
      return blinks;
    }
    double threshold = median + thresholdMads * sigma;
    int settle = Math.max(1, (int) Math.round(SETTLE_SECONDS * fs));
    int lastOffset = -1;
    int i = 0;
    while (i < n) {
      if (x[i] <= threshold) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && x[end] > threshold) {
        end++;
      }
      int peak = i;
      for (int k = i; k < end; k++) {
        if (x[k] > x[peak]) {
          peak = k;
        }
      }
      // walk out to the edge level; if the extent holds a higher peak (the threshold was first crossed by noise
      // just before the blink), restart from that peak
      int on;
      int off;
      double amplitude;
      double level;
      while (true) {
        amplitude = x[peak];
        level = edgeFraction * amplitude;
        on = peak;
        while (on > 0 && x[on - 1] > level) {
          on--;
        }
        off = peak;
        while (off < n - 1 && x[off + 1] > level) {
          off++;
        }
        int highest = peak;
        for (int k = on; k <= off; k++) {
          if (x[k] > x[highest]) {
            highest = k;
          }
        }
        if (highest == peak) {
          break;
        }
        peak = highest;
      }
      double onset = crossing(x, on - 1, on, level, fs);
      double offset = crossing(x, off, off + 1, level, fs);
      double duration = offset - onset;
      boolean returns = Math.abs(levelAround(samples, off + 1, off + 1 + settle)
          - levelAround(samples, on - settle, on)) <= MAX_STEP_FRACTION * amplitude;
      if (on > lastOffset && returns && duration >= minDurationSeconds && duration <= maxDurationSeconds) {
        blinks.add(new Blink(onset, peak / fs, offset, amplitude));
        lastOffset = off;
      }
      i = Math.max(end, off + 1);
    }
    return blinks;
  }

  /**
   * The local baseline: medians over {@code +-half} samples taken every {@code hop} samples, linearly
   * interpolated between them (a sampled running median; blinks are too short to move it much).
   */
  private static double[] movingMedian(double[] x, int half, int hop) {
    int n = x.length;
    int knots = (n - 1) / hop + 2;
    double[] at = new double[knots];
    double[] value = new double[knots];
    double[] scratch = new double[2 * half + 1];
    for (int k = 0; k < knots; k++) {
      int c = Math.min(k * hop, n - 1);
      int from = Math.max(0, c - half);
      int to = Math.min(n, c + half + 1);
      System.arraycopy(x, from, scratch, 0, to - from);
      at[k] = c;
      value[k] = median(scratch, to - from);
    }
    double[] y = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      while (k < knots - 2 && at[k + 1] < i) {
        k++;
      }
      double span = at[k + 1] - at[k];
      double t = span > 0 ? (i - at[k]) / span : 0;
      y[i] = value[k] + t * (value[k + 1] - value[k]);
    }
    return y;
  }

  /** Time where the line from sample a to sample b crosses {@code level} (clamped to the signal). */
  private static double crossing(double[] x, int a, int b, double level, double fs) {
    if (a < 0 || b >= x.length) {
      return Math.max(0, Math.min(a, x.length - 1)) / fs;
    }
    double d = x[b] - x[a];
    double frac = d == 0 ? 0 : (level - x[a]) / d;
    return (a + Math.max(0, Math.min(1, frac))) / fs;
  }

  /** Median of the raw samples in {@code [from, to)}, clipped to the signal. */
  private static double levelAround(double[] x, int from, int to) {
    int a = Math.max(0, from);
    int b = Math.min(x.length, to);
    if (b <= a) {
      return x[Math.min(Math.max(from, 0), x.length - 1)];
    }
    return median(Arrays.copyOfRange(x, a, b), b - a);
  }

  private static double median(double[] a, int count) {
    Arrays.sort(a, 0, count);
    return count % 2 == 1 ? a[count / 2] : 0.5 * (a[count / 2 - 1] + a[count / 2]);
  }
}
