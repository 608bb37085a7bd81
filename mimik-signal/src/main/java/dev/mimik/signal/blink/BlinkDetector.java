package dev.mimik.signal.blink;

import dev.mimik.core.data.Channel;
import dev.mimik.signal.RunningMedian;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds blinks in a vertical EOG channel (ideally its 0.1-10 Hz band): a blink is a brief deflection of one
 * polarity (upward for the usual electrode placement), far larger than the noise.
 *
 * <p>Method: the local baseline (a running median over {@code +-baselineSeconds}, computed at about 100 Hz and
 * interpolated) is subtracted, so slow drift and gaze shifts do not move the threshold: a running median keeps
 * steps (saccades) and removes bumps shorter than its half-width (blinks), so a half-width of 0.3 s leaves little
 * but blinks. Candidates rise above a threshold: the robust {@code median + thresholdMads * 1.4826 * MAD} of the
 * residual, or, for a detector calibrated on reference blinks ({@link BlinkCalibration}), {@code median +
 * calibratedThreshold} in the signal's unit (a short baseline leaves the residual mostly zero, where no spread
 * estimate holds). The amplitude is the peak above
 * the baseline, and onset/offset are where the signal crosses {@code edgeFraction * amplitude} before and after
 * the peak. Candidates whose duration falls outside {@code [minDurationSeconds, maxDurationSeconds]} are dropped;
 * so are, under the robust rule, those after which the raw signal does not return to within half the amplitude of
 * its level before onset (a saccade or gaze step, not a blink). A calibrated detector's short baseline has already
 * taken the steps out, and the check would only reject blinks next to a saccade.
 *
 * @param thresholdMads detection threshold in robust standard deviations (default 5)
 * @param edgeFraction fraction of the amplitude that marks onset and offset (default 0.1)
 * @param minDurationSeconds shortest blink accepted (default 0.05 s)
 * @param maxDurationSeconds longest blink accepted (default 1 s)
 * @param baselineSeconds half-width of the running-median baseline window (default 1 s)
 * @param positive true when blinks deflect upward
 * @param calibratedThreshold when positive, the threshold above the residual's median in the signal's unit,
 *     replacing the robust rule; 0 for the robust rule
 */
public record BlinkDetector(double thresholdMads, double edgeFraction, double minDurationSeconds,
    double maxDurationSeconds, double baselineSeconds, boolean positive, double calibratedThreshold) {

  public BlinkDetector {
    if (!(thresholdMads > 0 && edgeFraction > 0 && edgeFraction < 1 && minDurationSeconds >= 0
        && maxDurationSeconds > minDurationSeconds && baselineSeconds > 0 && calibratedThreshold >= 0)) {
      throw new IllegalArgumentException("bad blink detector settings");
    }
  }

  /** Window before onset and after offset whose levels must agree: a blink returns to where it started. */
  static final double SETTLE_SECONDS = 0.1;
  /** Largest level change across a blink, as a fraction of its amplitude; larger ones are steps (saccades). */
  static final double MAX_STEP_FRACTION = 0.5;

  /** Defaults for upward blinks. */
  public static BlinkDetector standard() {
    return new BlinkDetector(5, 0.1, 0.05, 1.0, 1.0, true, 0);
  }

  /** This detector for blinks of the given polarity. */
  public BlinkDetector withPositive(boolean up) {
    return new BlinkDetector(thresholdMads, edgeFraction, minDurationSeconds, maxDurationSeconds, baselineSeconds, up,
        calibratedThreshold);
  }

  /** This detector with a fixed threshold above the baseline and the given baseline half-width. */
  public BlinkDetector calibrated(double threshold, double baselineHalfWidthSeconds) {
    return new BlinkDetector(thresholdMads, edgeFraction, minDurationSeconds, maxDurationSeconds,
        baselineHalfWidthSeconds, positive, threshold);
  }

  /** Blinks in an EOG channel; times count from the channel's first sample. */
  public List<Blink> detect(Channel eog) {
    return detect(eog.samples(), eog.samplingRate());
  }

  /** Blinks in EOG samples at rate {@code fs}; times count from the first sample. */
  public List<Blink> detect(double[] samples, double fs) {
    if (samples.length < 3) {
      return new ArrayList<>();
    }
    return detect(samples, residual(samples, fs), fs);
  }

  /** The samples minus their running-median baseline, turned so that blinks deflect upward. */
  double[] residual(double[] samples, double fs) {
    int n = samples.length;
    double[] baseline = movingMedian(samples, fs, baselineSeconds);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (positive ? 1 : -1) * (samples[i] - baseline[i]);
    }
    return x;
  }

  /** Blinks in {@code samples} given their {@link #residual}. */
  List<Blink> detect(double[] samples, double[] x, double fs) {
    int n = samples.length;
    List<Blink> blinks = new ArrayList<>();
    double median = RunningMedian.median(x.clone(), n);
    double threshold;
    if (calibratedThreshold > 0) {
      threshold = median + calibratedThreshold;
    } else {
      double[] dev = new double[n];
      for (int i = 0; i < n; i++) {
        dev[i] = Math.abs(x[i] - median);
      }
      double sigma = 1.4826 * RunningMedian.median(dev, n);
      if (!(sigma > 0)) {
        return blinks;
      }
      threshold = median + thresholdMads * sigma;
    }
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
      boolean returns = calibratedThreshold > 0 || Math.abs(levelAround(samples, off + 1, off + 1 + settle)
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
   * The local baseline: medians over {@code +-halfSeconds} of the samples taken at about 100 Hz (the EOG band holds
   * nothing faster than a blink), computed at each of those samples and linearly interpolated between them.
   */
  private static double[] movingMedian(double[] samples, double fs, double halfSeconds) {
    int step = Math.max(1, (int) Math.floor(fs / 100));
    double[] x = new double[(samples.length + step - 1) / step];
    for (int i = 0; i < x.length; i++) {
      x[i] = samples[i * step];
    }
    double[] coarse = RunningMedian.of(x, Math.max(1, (int) Math.round(halfSeconds * fs / step)));
    double[] y = new double[samples.length];
    for (int i = 0; i < y.length; i++) {
      int k = i / step;
      double t = (i - k * step) / (double) step;
      y[i] = k + 1 < coarse.length ? coarse[k] + t * (coarse[k + 1] - coarse[k]) : coarse[k];
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
    return RunningMedian.median(Arrays.copyOfRange(x, a, b), b - a);
  }
}
