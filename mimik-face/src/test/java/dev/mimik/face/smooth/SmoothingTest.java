package dev.mimik.face.smooth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkTrack;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The causal filter and the RTS smoother on a seeded noisy synthetic track with known truth. */
class SmoothingTest {

  private static final double FPS = 30;
  private static final int FRAMES = 600;
  private static final int POINTS = 3;
  private static final double NOISE_PX = 2;

  private static double[][] truth() {
    double[][] t = new double[FRAMES][2 * POINTS];
    for (int f = 0; f < FRAMES; f++) {
      double s = f / FPS;
      for (int i = 0; i < POINTS; i++) {
        t[f][2 * i] = 300 + 20 * i + 40 * Math.sin(2 * Math.PI * 0.4 * s + i);
        t[f][2 * i + 1] = 240 - 10 * i + 25 * Math.sin(2 * Math.PI * 0.3 * s + 2 * i);
      }
    }
    return t;
  }

  private static LandmarkTrack noisy(double[][] truth, long seed, int missingFrom, int missingTo) {
    Random random = new Random(seed);
    double[] times = new double[FRAMES];
    double[][] frames = new double[FRAMES][];
    boolean[] missing = new boolean[FRAMES];
    for (int f = 0; f < FRAMES; f++) {
      times[f] = f / FPS;
      frames[f] = truth[f].clone();
      for (int k = 0; k < frames[f].length; k++) {
        frames[f][k] += NOISE_PX * random.nextGaussian();
      }
      if (f >= missingFrom && f < missingTo) {
        missing[f] = true;
        Arrays.fill(frames[f], Double.NaN);
      }
    }
    return new LandmarkTrack(times, POINTS, frames, missing);
  }

  /** RMS over frames [from, to) and coordinates of a - b shifted: a[f] against b[f - lag]. */
  private static double rms(double[][] a, double[][] b, int lag, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int f = Math.max(from, lag); f < to; f++) {
      for (int k = 0; k < a[f].length; k++) {
        sum += Math.pow(a[f][k] - b[f - lag][k], 2);
        n++;
      }
    }
    return Math.sqrt(sum / n);
  }

  /** Jitter: RMS of the frame-to-frame second difference (pixels per frame squared). */
  private static double jitter(double[][] a) {
    double sum = 0;
    int n = 0;
    for (int f = 2; f < a.length; f++) {
      for (int k = 0; k < a[f].length; k++) {
        sum += Math.pow(a[f][k] - 2 * a[f - 1][k] + a[f - 2][k], 2);
        n++;
      }
    }
    return Math.sqrt(sum / n);
  }

  private static int lag(double[][] estimate, double[][] truth) {
    int best = 0;
    for (int lag = 1; lag <= 10; lag++) {
      if (rms(estimate, truth, lag, 30, FRAMES) < rms(estimate, truth, best, 30, FRAMES)) {
        best = lag;
      }
    }
    return best;
  }

  @Test
  void jitterDropsAndTheTwoSidedSmootherBeatsTheCausalFilter() {
    double[][] truth = truth();
    LandmarkTrack raw = noisy(truth, 7, 0, 0);
    KalmanSettings settings = KalmanSettings.defaults();
    LandmarkTrack causal = KalmanLandmarkFilter.filter(raw, settings);
    LandmarkTrack rts = new RtsSmoother(settings).smooth(raw);

    double rawJitter = jitter(raw.frames());
    double causalJitter = jitter(causal.frames());
    double rtsJitter = jitter(rts.frames());
    double rawError = rms(raw.frames(), truth, 0, 30, FRAMES);
    double causalError = rms(causal.frames(), truth, 0, 30, FRAMES);
    double rtsError = rms(rts.frames(), truth, 0, 30, FRAMES);
    System.out.printf(Locale.ROOT, "smoothing, %d frames at %.0f fps, noise %.1f px, settings %s%n", FRAMES, FPS,
        NOISE_PX, settings);
    System.out.printf(Locale.ROOT, "  jitter (RMS 2nd difference, px/frame^2): raw %.3f, causal %.3f (-%.1f%%), "
        + "RTS %.3f (-%.1f%%)%n", rawJitter, causalJitter, 100 * (1 - causalJitter / rawJitter), rtsJitter,
        100 * (1 - rtsJitter / rawJitter));
    System.out.printf(Locale.ROOT, "  RMS error vs truth (px): raw %.3f, causal %.3f (-%.1f%%), RTS %.3f (-%.1f%%)%n",
        rawError, causalError, 100 * (1 - causalError / rawError), rtsError, 100 * (1 - rtsError / rawError));
    System.out.printf(Locale.ROOT, "  lag (frames): causal %d, RTS %d%n", lag(causal.frames(), truth),
        lag(rts.frames(), truth));

    for (double q : new double[] {25, 50, 800}) {
      KalmanSettings other = new KalmanSettings(q, NOISE_PX);
      LandmarkTrack c = KalmanLandmarkFilter.filter(raw, other);
      LandmarkTrack r = new RtsSmoother(other).smooth(raw);
      System.out.printf(Locale.ROOT, "  process noise %.0f px/s^2: jitter causal -%.1f%%, RTS -%.1f%%; error causal %.3f,"
          + " RTS %.3f px; lag causal %d, RTS %d frames%n", q, 100 * (1 - jitter(c.frames()) / rawJitter),
          100 * (1 - jitter(r.frames()) / rawJitter), rms(c.frames(), truth, 0, 30, FRAMES),
          rms(r.frames(), truth, 0, 30, FRAMES), lag(c.frames(), truth), lag(r.frames(), truth));
    }

    assertThat(causalJitter).isLessThan(0.3 * rawJitter);
    assertThat(rtsJitter).isLessThan(causalJitter);
    assertThat(causalError).isLessThan(rawError);
    assertThat(rtsError).isLessThan(0.8 * causalError);
    assertThat(lag(causal.frames(), truth)).isBetween(0, 3);
    assertThat(lag(rts.frames(), truth)).isZero();
  }

  /**
   * Issue 3's check: on a noisy step-and-hold track (points hold still, then jump 30 px every 2 s) the mean squared
   * second difference falls by at least 80 %, the causal filter lags at most 3 frames and the smoother not at all.
   */
  @Test
  void stepAndHoldJitterFallsWithLittleLag() {
    double[][] truth = new double[FRAMES][2 * POINTS];
    for (int f = 0; f < FRAMES; f++) {
      int step = (int) (f / (2 * FPS));
      for (int i = 0; i < POINTS; i++) {
        truth[f][2 * i] = 300 + 20 * i + 30 * (step % 2);
        truth[f][2 * i + 1] = 240 - 10 * i - 30 * (step % 3 == 1 ? 1 : 0);
      }
    }
    LandmarkTrack raw = noisy(truth, 11, 0, 0);
    LandmarkTrack causal = KalmanLandmarkFilter.filter(raw, KalmanSettings.defaults());
    LandmarkTrack rts = new RtsSmoother(KalmanSettings.defaults()).smooth(raw);
    double rawMeanSquare = Math.pow(jitter(raw.frames()), 2);
    double causalDrop = 1 - Math.pow(jitter(causal.frames()), 2) / rawMeanSquare;
    double rtsDrop = 1 - Math.pow(jitter(rts.frames()), 2) / rawMeanSquare;
    System.out.printf(Locale.ROOT, "step-and-hold: mean squared jitter causal -%.1f%%, RTS -%.1f%%; lag causal %d,"
        + " RTS %d frames%n", 100 * causalDrop, 100 * rtsDrop, lag(causal.frames(), truth), lag(rts.frames(), truth));
    assertThat(causalDrop).isGreaterThanOrEqualTo(0.8);
    assertThat(rtsDrop).isGreaterThanOrEqualTo(0.8);
    assertThat(lag(causal.frames(), truth)).isBetween(0, 3);
    assertThat(lag(rts.frames(), truth)).isZero();
  }

  @Test
  void lostFramesAreBridgedByPrediction() {
    double[][] truth = truth();
    LandmarkTrack raw = noisy(truth, 8, 300, 310);
    KalmanSettings settings = KalmanSettings.defaults();
    LandmarkTrack causal = KalmanLandmarkFilter.filter(raw, settings);
    LandmarkTrack rts = new RtsSmoother(settings).smooth(raw);
    double causalGap = rms(causal.frames(), truth, 0, 300, 310);
    double rtsGap = rms(rts.frames(), truth, 0, 300, 310);
    System.out.printf(Locale.ROOT, "  10 lost frames bridged: RMS error causal %.2f px, RTS %.2f px%n", causalGap,
        rtsGap);
    for (int f = 300; f < 310; f++) {
      assertThat(causal.missing()[f]).isFalse();
      assertThat(rts.missing()[f]).isFalse();
    }
    // predicting at constant velocity drifts by at most a_max * T^2 / 2 over a gap of T seconds
    double maxAcceleration = 40 * Math.pow(2 * Math.PI * 0.4, 2);
    assertThat(causalGap).isLessThan(maxAcceleration * Math.pow(10 / FPS, 2) / 2);
    assertThat(rtsGap).isLessThan(2.5);
    assertThat(rtsGap).isLessThan(causalGap);
  }

  @Test
  void aPointNeverSeenStaysMissingAndTheFirstSightingIsKept() {
    KalmanLandmarkFilter filter = new KalmanLandmarkFilter(KalmanSettings.defaults(), 2);
    assertThat(filter.process(0, null)).containsOnly(Double.NaN);
    double[] first = filter.process(0.1, new double[] {10, 20, Double.NaN, Double.NaN});
    assertThat(first[0]).isEqualTo(10);
    assertThat(first[2]).isNaN();
    double[] next = filter.process(0.2, new double[] {10, 20, 5, 5});
    assertThat(next[0]).isCloseTo(10, within(1e-9));
    assertThat(next[2]).isEqualTo(5);
  }

  @Test
  void aVeryNoisyProcessFollowsTheMeasurements() {
    KalmanLandmarkFilter filter = new KalmanLandmarkFilter(new KalmanSettings(1e9, 0.001), 1);
    filter.process(0, new double[] {0, 0});
    assertThat(filter.process(1.0 / 30, new double[] {50, -20})).containsExactly(new double[] {50, -20}, within(1e-3));
  }

  @Test
  void badSettingsAndTimeGoingBackAreRejected() {
    assertThatThrownBy(() -> new KalmanSettings(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KalmanSettings(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    KalmanLandmarkFilter filter = new KalmanLandmarkFilter(KalmanSettings.defaults(), 1);
    filter.process(1, new double[] {0, 0});
    assertThatThrownBy(() -> filter.process(1, new double[] {0, 0})).hasMessageContaining("must increase");
  }
}
