package dev.mimik.signal.eog;

import dev.mimik.core.data.Columns;
import dev.mimik.signal.RunningMedian;
import java.util.function.ObjIntConsumer;

/**
 * Gaze from the EOG band of several leads through baseline wander, from the recording alone: the integral of the
 * band's changes during saccades. Gaze holds still between saccades, and a saccade moves every lead's EOG by a
 * step within 20-80 ms; baseline wander (electrode polarisation, sweat, respiration) lives in the same 0.1-1 Hz
 * band as the fixations and is often larger than the gaze signal, but it is smooth: over a saccade it changes
 * little and almost linearly. So:
 *
 * <ol>
 *   <li>each lead's sample-to-sample change less its running median over {@code slopeSeconds} (the wander's local
 *       slope; a saccade or a blink is too short to move that median);
 *   <li>the change of that over {@code +-stepSeconds} on each lead, over its robust spread (1.4826 times its median
 *       absolute value), root-mean-squared across leads: one statistic that saccades on any lead raise;
 *   <li>saccade samples: that statistic more than {@code threshold} robust spreads above its median;
 *   <li>each lead's detrended change summed over the saccade samples only (zero elsewhere), less its centred running
 *       mean over {@code driftSeconds}: gaze is centred over seconds, while missed and false steps would otherwise
 *       add up.
 * </ol>
 *
 * <p>Blinks make a closing and an opening step that cancel. The result is one signed trace per lead in the band's
 * unit, following the lead's gaze component; a map learned from several recordings turns the leads into gaze.
 * Offline (centred windows).
 *
 * @param stepSeconds half-width of the window over which a step is measured
 * @param slopeSeconds length of the running median that estimates the wander's slope
 * @param threshold how many robust spreads above its median the step statistic marks a saccade
 * @param driftSeconds length of the centred running mean removed from the integral
 */
public record SaccadeIntegral(double stepSeconds, double slopeSeconds, double threshold, double driftSeconds) {

  /** The rate the defaults were chosen at: the EOG band resampled to 128 Hz keeps saccades' 20-80 ms steps. */
  public static final double RATE = 128;

  /**
   * Steps over +-40 ms, the slope over 0.5 s, 6 robust spreads, drift over 15 s: chosen on simulated Fridlund
   * sessions with seeds of their own ({@code docs/notes/eifer.md}).
   */
  public static SaccadeIntegral standard() {
    return new SaccadeIntegral(0.04, 0.5, 6, 15);
  }

  public SaccadeIntegral {
    if (!(stepSeconds > 0 && slopeSeconds > 0 && threshold > 0 && driftSeconds > 0)) {
      throw new IllegalArgumentException("saccade integral settings must be positive");
    }
  }

  /**
   * The integral of each lead's saccade steps, {@code [lead][sample]}, from the EOG bands {@code [lead][sample]} of
   * one recording at {@code fs} Hz (every lead the same length).
   */
  public double[][] apply(double[][] bands, double fs) {
    double[][] out = new double[bands.length][];
    apply(Columns.of(bands), fs, (integral, c) -> out[c] = integral);
    return out;
  }

  /**
   * {@link #apply(double[][], double)} lead by lead, for recordings too long to hold every lead: {@code bands} is
   * read twice, a lead at a time, and {@code out} takes each lead's integral with its index, in order. Besides one
   * lead, it holds the combined statistic (one value per sample).
   */
  public void apply(Columns bands, double fs, ObjIntConsumer<double[]> out) {
    int leads = bands.count();
    int n = bands.length();
    double[] statistic = new double[n];
    int k = Math.max(1, (int) Math.round(stepSeconds * fs));
    for (int c = 0; c < leads; c++) {
      double[] v = change(bands.column(c), fs);
      double[] step = new double[n];
      double[] sum = cumulative(v);
      for (int i = k; i + k < n; i++) {
        step[i] = sum[i + k] - sum[i - k];
      }
      double spread = 1.4826 * RunningMedian.median(absolute(step, 0), n);
      if (spread > 0) {
        for (int i = 0; i < n; i++) {
          statistic[i] += step[i] * step[i] / (spread * spread * leads);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      statistic[i] = Math.sqrt(statistic[i]);
    }
    double centre = RunningMedian.median(statistic.clone(), n);
    double limit = centre + threshold * 1.4826 * RunningMedian.median(absolute(statistic, centre), n);
    int half = (int) Math.round(driftSeconds * fs / 2);
    for (int c = 0; c < leads; c++) {
      double[] kept = change(bands.column(c), fs);
      for (int i = 0; i < n; i++) {
        kept[i] = statistic[i] > limit ? kept[i] : 0;
      }
      double[] integral = cumulative(kept);
      double[] sum = cumulative(integral);
      double[] lead = new double[n];
      for (int i = 0; i < n; i++) {
        int from = Math.max(0, i - half);
        int to = Math.min(n - 1, i + half);
        double mean = (sum[to] - (from > 0 ? sum[from - 1] : 0)) / (to - from + 1);
        lead[i] = integral[i] - mean;
      }
      out.accept(lead, c);
    }
  }

  /** A lead's sample-to-sample change less its running median over {@link #slopeSeconds}. */
  private double[] change(double[] band, double fs) {
    int n = band.length;
    double[] v = new double[n];
    for (int i = 1; i < n; i++) {
      v[i] = band[i] - band[i - 1];
    }
    double[] slope = RunningMedian.of(v, (int) Math.round(slopeSeconds * fs / 2));
    for (int i = 0; i < n; i++) {
      v[i] -= slope[i];
    }
    return v;
  }

  private static double[] cumulative(double[] x) {
    double[] s = new double[x.length];
    double acc = 0;
    for (int i = 0; i < x.length; i++) {
      acc += x[i];
      s[i] = acc;
    }
    return s;
  }

  private static double[] absolute(double[] x, double centre) {
    double[] a = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      a[i] = Math.abs(x[i] - centre);
    }
    return a;
  }
}
