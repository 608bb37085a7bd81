package dev.mimik.signal.sync;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.signal.WindowAlignment;
import dev.mimik.signal.band.Band;
import dev.mimik.signal.envelope.SlidingRms;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;

/**
 * Finds the offset between the biosignal clock and the landmark clock by cross-correlating an EMG envelope with
 * the landmarks' {@link MotionEnergy}: muscles fire when the face moves.
 *
 * <p>The envelope is linearly interpolated at the landmark frames shifted by each candidate lag (a step of one
 * frame); the score at each lag is the Pearson correlation over the frames where both streams exist and are
 * finite. The best lag is refined by a parabola through its neighbours. Confidence is the peak correlation and
 * the peak-to-sidelobe ratio ({@link OffsetEstimate}).
 *
 * @param maxLagSeconds largest offset searched, either sign
 * @param minOverlapFraction smallest fraction of landmark frames that must overlap the envelope at a lag
 * @param mainLobeSeconds half-width around the peak left out of the sidelobe statistics
 */
public record OffsetEstimator(double maxLagSeconds, double minOverlapFraction, double mainLobeSeconds) {

  public OffsetEstimator {
    if (!(maxLagSeconds > 0 && minOverlapFraction > 0 && minOverlapFraction <= 1 && mainLobeSeconds >= 0)) {
      throw new IllegalArgumentException("bad offset search: max lag " + maxLagSeconds + " s, overlap "
          + minOverlapFraction + ", main lobe " + mainLobeSeconds + " s");
    }
  }

  /** Search +-10 s, at least half the frames overlapping, main lobe +-0.5 s. */
  public static OffsetEstimator standard() {
    return new OffsetEstimator(10, 0.5, 0.5);
  }

  /**
   * Estimates the offset of a recording's landmarks from its biosignals: the EMG envelope is the sum over every
   * channel at the first channel's rate of its EMG band's RMS over 0.1 s (zero-phase, centred), at 100 Hz; the
   * landmarks give their {@link MotionEnergy}.
   */
  public OffsetEstimate estimate(Signal signal, LandmarkTrack landmarks) {
    Channel first = signal.channel(0);
    double fs = first.samplingRate();
    double[] sum = new double[first.samples().length];
    for (Channel c : signal.channels()) {
      if (c.samplingRate() != fs) {
        continue;
      }
      double[] emg = ZeroPhaseSosFilter.filter(Band.emg().design(fs), c.samples());
      double[] rms = SlidingRms.of(emg, 0.1, fs, WindowAlignment.CENTRED);
      for (int i = 0; i < Math.min(sum.length, rms.length); i++) {
        sum[i] += rms[i];
      }
    }
    int step = Math.max(1, (int) Math.round(fs / 100));
    double[] envelope = new double[sum.length / step];
    for (int i = 0; i < envelope.length; i++) {
      envelope[i] = sum[i * step];
    }
    return estimate(envelope, fs / step, signal.startTimeSeconds(), landmarks.timesSeconds(),
        MotionEnergy.of(landmarks));
  }

  /**
   * Estimates the offset.
   *
   * @param envelope EMG envelope samples
   * @param envelopeRate their rate in Hz
   * @param envelopeStart biosignal-clock time of the first envelope sample
   * @param motionTimes landmark-clock times of the frames (uniformly spaced)
   * @param motion motion energy per frame (NaN where unknown)
   */
  public OffsetEstimate estimate(double[] envelope, double envelopeRate, double envelopeStart,
      double[] motionTimes, double[] motion) {
    if (motionTimes.length != motion.length || motion.length < 3 || envelope.length < 2) {
      throw new IllegalArgumentException("offset estimation needs at least 3 frames and 2 envelope samples");
    }
    double frameStep = (motionTimes[motionTimes.length - 1] - motionTimes[0]) / (motionTimes.length - 1);
    int maxLag = (int) Math.ceil(maxLagSeconds / frameStep);
    int lags = 2 * maxLag + 1;
    double[] score = new double[lags];
    double[] overlap = new double[lags];
    double bestScore = Double.NEGATIVE_INFINITY;
    int best = -1;
    for (int l = 0; l < lags; l++) {
      double lag = (l - maxLag) * frameStep;
      double[] r = correlation(envelope, envelopeRate, envelopeStart, motionTimes, motion, lag);
      score[l] = r[0];
      overlap[l] = r[1];
      if (!Double.isNaN(r[0]) && r[0] > bestScore) {
        bestScore = r[0];
        best = l;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("the envelope and the landmark frames never overlap within +-"
          + maxLagSeconds + " s");
    }
    double refine = 0;
    if (best > 0 && best < lags - 1 && !Double.isNaN(score[best - 1]) && !Double.isNaN(score[best + 1])) {
      double a = score[best - 1];
      double b = score[best];
      double c = score[best + 1];
      double den = a - 2 * b + c;
      refine = den < 0 ? 0.5 * (a - c) / den : 0;
    }
    int lobe = (int) Math.round(mainLobeSeconds / frameStep);
    double sum = 0;
    double sumSq = 0;
    int count = 0;
    for (int l = 0; l < lags; l++) {
      if (Math.abs(l - best) > lobe && !Double.isNaN(score[l])) {
        sum += score[l];
        sumSq += score[l] * score[l];
        count++;
      }
    }
    double psr = Double.NaN;
    if (count > 1) {
      double mean = sum / count;
      double sd = Math.sqrt(Math.max(0, (sumSq - count * mean * mean) / (count - 1)));
      psr = sd > 0 ? (bestScore - mean) / sd : Double.POSITIVE_INFINITY;
    }
    return new OffsetEstimate((best - maxLag + refine) * frameStep, bestScore, psr, overlap[best] * frameStep);
  }

  /** {Pearson r, overlapping frames} between motion and the envelope shifted by {@code lag}. */
  private double[] correlation(double[] env, double rate, double start, double[] times, double[] motion,
      double lag) {
    int n = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    double last = env.length - 1;
    for (int f = 0; f < times.length; f++) {
      double m = motion[f];
      if (Double.isNaN(m)) {
        continue;
      }
      double pos = (times[f] - lag - start) * rate;
      if (pos < 0 || pos > last) {
        continue;
      }
      int i = (int) Math.min(Math.floor(pos), last - 1);
      double frac = pos - i;
      double e = env[i] + frac * (env[i + 1] - env[i]);
      if (Double.isNaN(e)) {
        continue;
      }
      n++;
      sx += e;
      sy += m;
      sxx += e * e;
      syy += m * m;
      sxy += e * m;
    }
    if (n < Math.max(3, minOverlapFraction * times.length)) {
      return new double[] {Double.NaN, n};
    }
    double cov = sxy - sx * sy / n;
    double vx = sxx - sx * sx / n;
    double vy = syy - sy * sy / n;
    double r = vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : Double.NaN;
    return new double[] {r, n};
  }
}
