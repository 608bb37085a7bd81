package dev.mimik.signal.sync;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.signal.WindowAlignment;
import dev.mimik.signal.band.Band;
import dev.mimik.signal.band.MainsNotch;
import dev.mimik.signal.envelope.SlidingRms;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the clock mapping between the biosignals and the landmarks by lining up what the face does with what the
 * muscles do: each channel's EMG envelope against the face's distance from its neutral, region by region
 * ({@link FaceActivity}), and its motion ({@link MotionEnergy}).
 *
 * <p>Both streams first lose their moving average over {@link #DETREND_SECONDS}. At every candidate lag (a step of
 * one frame) the envelopes are linearly interpolated at the shifted frame times
 * and each is regressed on the face's features over the frames where all exist; the score is the square root of the
 * mean R² over the channels (a multiple correlation, so each channel may follow other regions with other signs).
 * The best lag is refined by a parabola through its neighbours. The peak's lobe runs down from it to the nearest
 * local minima on either side; the runner-up is the best score outside it, the sidelobe statistics are taken
 * there too. Drift: on recordings of at least {@link #DRIFT_MIN_SECONDS}, the lag is found again in
 * {@link #DRIFT_SEGMENTS} consecutive parts near the global one, and a line through the parts' lags against their
 * biosignal times gives offset and drift.
 *
 * @param maxLagSeconds largest offset searched, either sign
 * @param minOverlapFraction smallest fraction of landmark frames that must overlap the envelopes at a lag
 * @param minPeak smallest peak score of a clear estimate
 * @param maxRunnerUpRatio largest runner-up score, as a fraction of the peak's, of a clear estimate
 * @param minPeakToSidelobe smallest peak-to-sidelobe ratio of a clear estimate
 */
public record OffsetEstimator(double maxLagSeconds, double minOverlapFraction, double minPeak,
    double maxRunnerUpRatio, double minPeakToSidelobe) {

  /** Parts the recording is cut into to estimate the drift. */
  public static final int DRIFT_SEGMENTS = 4;
  /**
   * Shortest recording whose drift is estimated, seconds: over a shorter one, the offset in the middle of a clock
   * drifting by 100 ppm is within a 30 fps frame of it everywhere, closer than the parts' lags tell the drift.
   */
  public static final double DRIFT_MIN_SECONDS = 600;
  /** Largest drift believed, parts per million; a larger fit is taken for noise and the drift left at 0. */
  public static final double MAX_DRIFT_PPM = 300;
  /** The EMG envelope's RMS window, seconds. */
  static final double ENVELOPE_SECONDS = 0.1;
  /**
   * Both streams lose their moving average over this many seconds before they are compared: slow wander (head sway,
   * electrode drift) is alike in any two recordings and would raise the scores at every lag.
   */
  public static final double DETREND_SECONDS = 4;

  public OffsetEstimator {
    if (!(maxLagSeconds > 0 && minOverlapFraction > 0 && minOverlapFraction <= 1 && minPeak >= 0
        && maxRunnerUpRatio > 0 && maxRunnerUpRatio <= 1 && minPeakToSidelobe >= 0)) {
      throw new IllegalArgumentException("bad offset search: max lag " + maxLagSeconds + " s, overlap "
          + minOverlapFraction + ", min peak " + minPeak + ", runner-up ratio " + maxRunnerUpRatio
          + ", peak-to-sidelobe " + minPeakToSidelobe);
    }
  }

  /**
   * Search +-10 s with at least three quarters of the frames overlapping (room for a 5 s offset on a 30 s session;
   * less overlap lets the correlations of a few edge frames win); clear when the peak is at least 0.15, the
   * runner-up at most 0.8 of it and the peak 5 standard deviations above the sidelobes. On simulated earpiece
   * sessions of a few minutes the true pairs stand inside these bounds and pairs of recordings that do not belong
   * together outside ({@code sim.session.ClockSyncTest}); half-minute sessions are often refused.
   */
  public static OffsetEstimator standard() {
    return new OffsetEstimator(10, 0.75, 0.15, 0.8, 5);
  }

  /** Whether {@code e} has the clear peak this estimator asks for. */
  public boolean isClear(OffsetEstimate e) {
    return e.peakCorrelation() >= minPeak && !(e.runnerUpCorrelation() > maxRunnerUpRatio * e.peakCorrelation())
        && e.peakToSidelobe() >= minPeakToSidelobe;
  }

  /**
   * Estimates the clock mapping of a recording's landmarks from its biosignals: each channel at the first channel's
   * rate gives the log of its EMG band's RMS over 0.1 s (zero-phase, centred) at 100 Hz, relative to its median;
   * the landmarks give their {@link FaceActivity} and the square root of their {@link MotionEnergy}.
   *
   * <p>The mains (50 and 60 Hz, both, with their harmonics: the recording does not say which) is notched out
   * before the EMG band: through a high skin-electrode impedance its hum is a steady floor under the envelope
   * that flattens the muscles' rise and fall, and would leave no clear peak.
   */
  public OffsetEstimate estimate(Signal signal, LandmarkTrack landmarks) {
    Channel first = signal.channel(0);
    double fs = first.samplingRate();
    int step = Math.max(1, (int) Math.round(fs / 100));
    List<double[]> envelopes = new ArrayList<>();
    for (Channel c : signal.channels()) {
      if (c.samplingRate() != fs) {
        continue;
      }
      double[] x = ZeroPhaseSosFilter.filter(MainsNotch.europe().design(fs), c.samples());
      x = ZeroPhaseSosFilter.filter(MainsNotch.americas().design(fs), x);
      double[] emg = ZeroPhaseSosFilter.filter(Band.emg().design(fs), x);
      double[] rms = SlidingRms.of(emg, ENVELOPE_SECONDS, fs, WindowAlignment.CENTRED);
      double[] env = new double[rms.length / step];
      for (int i = 0; i < env.length; i++) {
        env[i] = rms[i * step];
      }
      double[] sorted = env.clone();
      Arrays.sort(sorted);
      double median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
      double floor = median > 0 ? median : 1e-12;
      for (int i = 0; i < env.length; i++) {
        env[i] = Math.log(env[i] / floor + 0.1);
      }
      envelopes.add(env);
    }
    double[][] activity = FaceActivity.of(landmarks);
    double[] motion = MotionEnergy.of(landmarks);
    double[][] features = new double[activity.length][];
    for (int f = 0; f < activity.length; f++) {
      features[f] = Arrays.copyOf(activity[f], activity[f].length + 1);
      features[f][activity[f].length] = Math.sqrt(motion[f]);
    }
    return estimate(envelopes.toArray(double[][]::new), fs / step, signal.startTimeSeconds(),
        landmarks.timesSeconds(), features);
  }

  /**
   * Estimates the offset of one envelope against one feature per frame (e.g. motion energy).
   *
   * @param envelope EMG envelope samples
   * @param envelopeRate their rate in Hz
   * @param envelopeStart biosignal-clock time of the first envelope sample
   * @param motionTimes landmark-clock times of the frames (uniformly spaced)
   * @param motion the feature per frame (NaN where unknown)
   */
  public OffsetEstimate estimate(double[] envelope, double envelopeRate, double envelopeStart,
      double[] motionTimes, double[] motion) {
    double[][] features = new double[motion.length][];
    for (int f = 0; f < motion.length; f++) {
      features[f] = new double[] {motion[f]};
    }
    return estimate(new double[][] {envelope}, envelopeRate, envelopeStart, motionTimes, features);
  }

  /**
   * Estimates the clock mapping.
   *
   * @param envelopes envelope samples per channel, all at one rate and start
   * @param envelopeRate their rate in Hz
   * @param envelopeStart biosignal-clock time of the first envelope sample
   * @param times landmark-clock times of the frames (uniformly spaced)
   * @param features the face's features per frame (a row with a NaN is left out)
   */
  public OffsetEstimate estimate(double[][] envelopes, double envelopeRate, double envelopeStart, double[] times,
      double[][] features) {
    if (times.length != features.length || times.length < 3 || envelopes.length == 0 || envelopes[0].length < 2) {
      throw new IllegalArgumentException("offset estimation needs at least 3 frames and 2 envelope samples");
    }
    double frameStep = (times[times.length - 1] - times[0]) / (times.length - 1);
    double[][] z = standardised(detrended(features, (int) Math.round(DETREND_SECONDS / frameStep)));
    double[][] env = new double[envelopes.length][];
    for (int c = 0; c < env.length; c++) {
      env[c] = detrended(envelopes[c], (int) Math.round(DETREND_SECONDS * envelopeRate));
    }
    Lags lags = new Lags(env, envelopeRate, envelopeStart, times, z);
    int maxLag = (int) Math.ceil(maxLagSeconds / frameStep);
    int count = 2 * maxLag + 1;
    double[] score = new double[count];
    double[] overlap = new double[count];
    int best = -1;
    for (int l = 0; l < count; l++) {
      double[] r = lags.score((l - maxLag) * frameStep, 0, times.length);
      score[l] = r[0];
      overlap[l] = r[1];
      if (!Double.isNaN(r[0]) && (best < 0 || r[0] > score[best])) {
        best = l;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("the envelope and the landmark frames never overlap within +-"
          + maxLagSeconds + " s");
    }
    int lo = best;
    while (lo > 0 && !Double.isNaN(score[lo - 1]) && score[lo - 1] <= score[lo]) {
      lo--;
    }
    int hi = best;
    while (hi < count - 1 && !Double.isNaN(score[hi + 1]) && score[hi + 1] <= score[hi]) {
      hi++;
    }
    double runnerUp = Double.NaN;
    int runnerUpLag = -1;
    double sum = 0;
    double sumSq = 0;
    int outside = 0;
    for (int l = 0; l < count; l++) {
      if ((l < lo || l > hi) && !Double.isNaN(score[l])) {
        if (runnerUpLag < 0 || score[l] > runnerUp) {
          runnerUp = score[l];
          runnerUpLag = l;
        }
        sum += score[l];
        sumSq += score[l] * score[l];
        outside++;
      }
    }
    double psr = Double.NaN;
    if (outside > 1) {
      double mean = sum / outside;
      double sd = Math.sqrt(Math.max(0, (sumSq - outside * mean * mean) / (outside - 1)));
      psr = sd > 0 ? (score[best] - mean) / sd : Double.POSITIVE_INFINITY;
    }
    double lag = (best - maxLag + refinement(score, best)) * frameStep;
    double[] drift = drift(lags, times, frameStep, lag);
    return new OffsetEstimate(drift == null ? lag : drift[0], drift == null ? 0 : drift[1], score[best],
        runnerUp, runnerUpLag < 0 ? Double.NaN : (runnerUpLag - maxLag) * frameStep, psr, overlap[best] * frameStep);
  }

  /** {offset, drift} from the lags of consecutive parts of the recording, or null where they cannot be trusted. */
  private double[] drift(Lags lags, double[] times, double frameStep, double lag) {
    double span = times[times.length - 1] - times[0];
    if (span < DRIFT_MIN_SECONDS) {
      return null;
    }
    int half = (int) Math.ceil((MAX_DRIFT_PPM * 1e-6 * span) / frameStep) + 2;
    double[] t = new double[DRIFT_SEGMENTS];
    double[] local = new double[DRIFT_SEGMENTS];
    for (int s = 0; s < DRIFT_SEGMENTS; s++) {
      int from = s * times.length / DRIFT_SEGMENTS;
      int to = (s + 1) * times.length / DRIFT_SEGMENTS;
      double[] score = new double[2 * half + 1];
      int best = -1;
      for (int k = 0; k < score.length; k++) {
        score[k] = lags.score(lag + (k - half) * frameStep, from, to)[0];
        if (!Double.isNaN(score[k]) && (best < 0 || score[k] > score[best])) {
          best = k;
        }
      }
      if (best <= 0 || best >= score.length - 1) {
        return null;
      }
      local[s] = lag + (best - half + refinement(score, best)) * frameStep;
      t[s] = 0.5 * (times[from] + times[to - 1]) - local[s];
    }
    double mt = Arrays.stream(t).average().orElseThrow();
    double ml = Arrays.stream(local).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (int s = 0; s < DRIFT_SEGMENTS; s++) {
      sxy += (t[s] - mt) * (local[s] - ml);
      sxx += (t[s] - mt) * (t[s] - mt);
    }
    double slope = sxy / sxx;
    if (!(Math.abs(slope) <= MAX_DRIFT_PPM * 1e-6)) {
      return null;
    }
    return new double[] {ml - slope * mt, slope};
  }

  /** The parabola's vertex through the best score and its neighbours, in steps from the best. */
  private static double refinement(double[] score, int best) {
    if (best <= 0 || best >= score.length - 1 || Double.isNaN(score[best - 1]) || Double.isNaN(score[best + 1])) {
      return 0;
    }
    double a = score[best - 1];
    double b = score[best];
    double c = score[best + 1];
    double den = a - 2 * b + c;
    return den < 0 ? 0.5 * (a - c) / den : 0;
  }

  /** {@code x} less its centred moving average over {@code window} samples (NaN samples left out). */
  private static double[] detrended(double[] x, int window) {
    double[][] rows = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      rows[i] = new double[] {x[i]};
    }
    double[][] d = detrended(rows, window);
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = d[i][0];
    }
    return out;
  }

  /** Each column less its centred moving average over {@code window} rows; rows with a NaN stay NaN and count not. */
  private static double[][] detrended(double[][] x, int window) {
    int n = x.length;
    int p = x[0].length;
    double[][] prefix = new double[n + 1][p];
    int[] counts = new int[n + 1];
    for (int i = 0; i < n; i++) {
      boolean ok = complete(x[i]);
      counts[i + 1] = counts[i] + (ok ? 1 : 0);
      for (int j = 0; j < p; j++) {
        prefix[i + 1][j] = prefix[i][j] + (ok ? x[i][j] : 0);
      }
    }
    int half = Math.max(1, window / 2);
    double[][] out = new double[n][p];
    for (int i = 0; i < n; i++) {
      int from = Math.max(0, i - half);
      int to = Math.min(n, i + half + 1);
      int m = counts[to] - counts[from];
      for (int j = 0; j < p; j++) {
        out[i][j] = complete(x[i]) && m > 0 ? x[i][j] - (prefix[to][j] - prefix[from][j]) / m : Double.NaN;
      }
    }
    return out;
  }

  /** Features scaled to zero mean and unit variance over the rows without NaN; other rows null. */
  private static double[][] standardised(double[][] features) {
    int p = features[0].length;
    double[] mean = new double[p];
    double[] sq = new double[p];
    int n = 0;
    for (double[] row : features) {
      if (complete(row)) {
        for (int j = 0; j < p; j++) {
          mean[j] += row[j];
          sq[j] += row[j] * row[j];
        }
        n++;
      }
    }
    double[][] out = new double[features.length][];
    for (int j = 0; j < p; j++) {
      mean[j] /= Math.max(1, n);
      sq[j] = Math.sqrt(Math.max(0, sq[j] / Math.max(1, n) - mean[j] * mean[j]));
    }
    for (int f = 0; f < features.length; f++) {
      if (complete(features[f])) {
        out[f] = new double[p];
        for (int j = 0; j < p; j++) {
          out[f][j] = sq[j] > 0 ? (features[f][j] - mean[j]) / sq[j] : 0;
        }
      }
    }
    return out;
  }

  private static boolean complete(double[] row) {
    for (double v : row) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** The multiple correlation of the envelopes with the features at any lag, over any range of frames. */
  private final class Lags {
    private final double[][] env;
    private final double rate;
    private final double start;
    private final double[] times;
    private final double[][] z;
    private final int p;
    private final int q;

    Lags(double[][] env, double rate, double start, double[] times, double[][] z) {
      this.env = env;
      this.rate = rate;
      this.start = start;
      this.times = times;
      this.z = z;
      this.p = Arrays.stream(z).filter(r -> r != null).findFirst().map(r -> r.length).orElse(1);
      this.q = env.length;
    }

    /** {score, overlapping frames} of frames {@code from} (inclusive) to {@code to} at {@code lag}. */
    double[] score(double lag, int from, int to) {
      double[] sf = new double[p];
      double[][] sff = new double[p][p];
      double[] se = new double[q];
      double[] see = new double[q];
      double[][] sef = new double[q][p];
      double[] e = new double[q];
      int n = 0;
      int last = env[0].length - 1;
      for (int f = from; f < to; f++) {
        double[] x = z[f];
        if (x == null) {
          continue;
        }
        double pos = (times[f] - lag - start) * rate;
        if (pos < 0 || pos > last) {
          continue;
        }
        int i = (int) Math.min(Math.floor(pos), last - 1);
        double frac = pos - i;
        boolean ok = true;
        for (int c = 0; c < q; c++) {
          e[c] = env[c][i] + frac * (env[c][i + 1] - env[c][i]);
          ok &= !Double.isNaN(e[c]);
        }
        if (!ok) {
          continue;
        }
        n++;
        for (int j = 0; j < p; j++) {
          sf[j] += x[j];
          for (int k = 0; k <= j; k++) {
            sff[j][k] += x[j] * x[k];
          }
        }
        for (int c = 0; c < q; c++) {
          se[c] += e[c];
          see[c] += e[c] * e[c];
          for (int j = 0; j < p; j++) {
            sef[c][j] += e[c] * x[j];
          }
        }
      }
      if (n < Math.max(p + 3, minOverlapFraction * (to - from))) {
        return new double[] {Double.NaN, n};
      }
      double[][] cff = new double[p][p];
      for (int j = 0; j < p; j++) {
        for (int k = 0; k <= j; k++) {
          cff[j][k] = sff[j][k] / n - sf[j] * sf[k] / ((double) n * n);
          cff[k][j] = cff[j][k];
        }
        cff[j][j] += 1e-6;
      }
      double[][] chol = cholesky(cff);
      double r2 = 0;
      int channels = 0;
      for (int c = 0; c < q; c++) {
        double var = see[c] / n - se[c] * se[c] / ((double) n * n);
        if (!(var > 0)) {
          continue;
        }
        double[] cov = new double[p];
        for (int j = 0; j < p; j++) {
          cov[j] = sef[c][j] / n - se[c] * sf[j] / ((double) n * n);
        }
        double[] y = forward(chol, cov);
        double explained = 0;
        for (double v : y) {
          explained += v * v;
        }
        r2 += Math.min(1, explained / var);
        channels++;
      }
      return new double[] {channels == 0 ? Double.NaN : Math.sqrt(r2 / channels), n};
    }
  }

  /** The lower Cholesky factor of a symmetric positive definite matrix. */
  private static double[][] cholesky(double[][] a) {
    int p = a.length;
    double[][] l = new double[p][p];
    for (int j = 0; j < p; j++) {
      double d = a[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      l[j][j] = Math.sqrt(Math.max(d, 1e-12));
      for (int i = j + 1; i < p; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = s / l[j][j];
      }
    }
    return l;
  }

  /** Solves {@code L y = b}; {@code |y|²} is {@code bᵀ A⁻¹ b}. */
  private static double[] forward(double[][] l, double[] b) {
    double[] y = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    return y;
  }
}
