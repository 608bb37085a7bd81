package dev.mimik.signal.blink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Calibrates a {@link BlinkDetector} for one person and montage on reference blinks, typically the blinks the
 * training camera saw in the eyelid landmarks: which channel shows blinks, with which polarity, against which
 * baseline width and above which threshold, chosen for the best F1 of the detected blinks against the reference.
 *
 * <p>Why: around the ear the blink potential is a few tens of microvolts at best and its sign depends on where the
 * electrodes sit relative to the eye, while saccades there are larger than blinks; no fixed rule finds it on every
 * montage, but a few minutes of video with the eyelids visible say exactly where and how big it is. The candidate
 * thresholds are fractions of the median peak the reference blinks leave in each channel, so the search is free of
 * the signal's unit.
 */
public final class BlinkCalibration {

  /** Running-median half-widths tried, seconds: long enough to pass a blink, short enough to follow saccades. */
  static final double[] BASELINE_HALF_WIDTHS = {0.3, 0.5};
  /** Thresholds tried, as fractions of the median reference peak. */
  static final double[] THRESHOLD_FRACTIONS = {0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 1.0};
  /** A detected blink matches a reference when its onset is at most this much before the reference onset. */
  public static final double EARLY_SECONDS = 0.15;
  /** Fewest reference blinks worth calibrating on. */
  public static final int MIN_REFERENCES = 3;

  private BlinkCalibration() {}

  /**
   * One recording to calibrate on.
   *
   * @param channels {@code [channel][sample]}, the EOG band of every candidate channel
   * @param fs their sampling rate
   * @param references reference blinks {@code [blink]{onset, offset}} in seconds from the first sample
   */
  public record Recording(double[][] channels, double fs, double[][] references) {}

  /**
   * The calibrated detector and how well it did on the references.
   *
   * @param channel index of the channel it reads
   * @param detector the detector (polarity, baseline and threshold set)
   * @param precision fraction of detections that match a reference blink
   * @param recall fraction of reference blinks detected
   * @param references number of reference blinks
   */
  public record Result(int channel, BlinkDetector detector, double precision, double recall, int references) {

    /** Harmonic mean of precision and recall. */
    public double f1() {
      return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }
  }

  /**
   * The best detector over channels, polarities, baselines and thresholds, starting from {@code base}'s edge and
   * duration settings; empty when there are fewer than {@link #MIN_REFERENCES} reference blinks or no candidate
   * detects any of them.
   */
  public static Optional<Result> fit(List<Recording> recordings, BlinkDetector base) {
    int references = recordings.stream().mapToInt(r -> r.references().length).sum();
    if (references < MIN_REFERENCES) {
      return Optional.empty();
    }
    int channels = recordings.get(0).channels().length;
    Result best = null;
    for (int c = 0; c < channels; c++) {
      for (boolean positive : new boolean[] {true, false}) {
        for (double half : BASELINE_HALF_WIDTHS) {
          BlinkDetector shape = base.withPositive(positive).calibrated(1, half);
          List<double[]> residuals = new ArrayList<>();
          List<Double> peaks = new ArrayList<>();
          for (Recording r : recordings) {
            double[] x = shape.residual(r.channels()[c], r.fs());
            residuals.add(x);
            for (double[] blink : r.references()) {
              peaks.add(peakWithin(x, r.fs(), blink[0], blink[1]));
            }
          }
          double typical = median(peaks);
          if (!(typical > 0)) {
            continue;
          }
          for (double fraction : THRESHOLD_FRACTIONS) {
            BlinkDetector detector = shape.calibrated(fraction * typical, half);
            int detected = 0;
            int matched = 0;
            for (int i = 0; i < recordings.size(); i++) {
              Recording r = recordings.get(i);
              List<Blink> found = detector.detect(r.channels()[c], residuals.get(i), r.fs());
              detected += found.size();
              matched += matches(found, r.references());
            }
            Result result = new Result(c, detector, detected == 0 ? 0 : matched / (double) detected,
                matched / (double) references, references);
            if (matched > 0 && (best == null || result.f1() > best.f1())) {
              best = result;
            }
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * How many reference blinks {@code found} detects, one to one in time order: a detection matches a reference when
   * its onset lies between {@link #EARLY_SECONDS} before the reference's onset and the reference's offset.
   */
  public static int matches(List<Blink> found, double[][] references) {
    int matched = 0;
    int next = 0;
    for (double[] ref : references) {
      while (next < found.size() && found.get(next).onsetSeconds() < ref[0] - EARLY_SECONDS) {
        next++;
      }
      if (next < found.size() && found.get(next).onsetSeconds() <= ref[1]) {
        matched++;
        next++;
      }
    }
    return matched;
  }

  private static double peakWithin(double[] x, double fs, double from, double to) {
    int a = Math.max(0, (int) Math.floor(from * fs));
    int b = Math.min(x.length - 1, (int) Math.ceil(to * fs));
    double peak = Double.NaN;
    for (int i = a; i <= b; i++) {
      peak = Double.isNaN(peak) ? x[i] : Math.max(peak, x[i]);
    }
    return peak;
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
  }
}
