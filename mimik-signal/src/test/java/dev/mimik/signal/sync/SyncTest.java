package dev.mimik.signal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkTrack;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyncTest {

  @Test
  void clockMappingFitRecoversOffsetAndDrift() {
    double[] bio = {0, 100, 1000, 3600};
    double[] lm = new double[bio.length];
    for (int i = 0; i < bio.length; i++) {
      lm[i] = 2.5 + (1 + 30e-6) * bio[i];
    }
    ClockMapping m = ClockMapping.fit(bio, lm);
    assertThat(m.offsetSeconds()).isCloseTo(2.5, within(1e-9));
    assertThat(m.drift()).isCloseTo(30e-6, within(1e-12));
    assertThat(m.toBiosignalTime(m.toLandmarkTime(1234.5))).isCloseTo(1234.5, within(1e-9));
  }

  /** Face moves in random bursts; the EMG envelope follows the same bursts on a clock that is 1.37 s behind. */
  @Test
  void offsetEstimatorFindsAKnownOffsetWithHighConfidence() {
    double trueOffset = 1.37;
    Random r = new Random(42);
    double fps = 30;
    int frames = 60 * 30;
    double[] activity = new double[frames + 2000];
    for (int b = 0; b < 40; b++) {
      int start = r.nextInt(activity.length - 40);
      int len = 5 + r.nextInt(30);
      double amp = 0.5 + r.nextDouble();
      for (int i = start; i < start + len; i++) {
        activity[i] += amp;
      }
    }
    // landmark frame f at landmark time f/fps shows activity at landmark time; one point moving with it
    double[] times = new double[frames];
    double[][] pts = new double[frames][2];
    boolean[] missing = new boolean[frames];
    double y = 0;
    for (int f = 0; f < frames; f++) {
      times[f] = f / fps;
      y += activity(activity, times[f], fps) * (r.nextBoolean() ? 1 : -1) + 0.05 * r.nextGaussian();
      pts[f] = new double[] {0, y};
    }
    missing[100] = true;
    pts[100] = new double[] {Double.NaN, Double.NaN};
    double[] motion = MotionEnergy.of(new LandmarkTrack(times, 1, pts, missing));
    assertThat(motion[100]).isNaN();
    // envelope at 250 Hz on the biosignal clock, starting at bio time -5 s
    double rate = 250;
    double start = -5;
    double[] env = new double[(int) (80 * rate)];
    for (int i = 0; i < env.length; i++) {
      double bioTime = start + i / rate;
      env[i] = activity(activity, bioTime + trueOffset, fps) + 0.1 * Math.abs(r.nextGaussian());
    }
    OffsetEstimate est = OffsetEstimator.standard().estimate(env, rate, start, times, motion);
    assertThat(est.offsetSeconds()).isCloseTo(trueOffset, within(0.5 / fps));
    assertThat(est.peakCorrelation()).isGreaterThan(0.5);
    assertThat(est.peakToSidelobe()).isGreaterThan(5);

    // unrelated noise: low confidence
    double[] noise = new double[env.length];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = Math.abs(r.nextGaussian());
    }
    OffsetEstimate bad = OffsetEstimator.standard().estimate(noise, rate, start, times, motion);
    assertThat(bad.peakCorrelation()).isLessThan(0.2);
    assertThat(bad.peakToSidelobe()).isLessThan(est.peakToSidelobe() / 2);
  }

  /**
   * Twelve minutes of bursts on the biosignal clock, seen by a camera 2.3 s ahead whose clock runs 150 ppm fast (a
   * 130 ms slip over the recording, four frames): the parts of the recording give the drift, and the mapping is
   * within a frame everywhere, where the best pure offset is not.
   */
  @Test
  void driftOfALongRecordingIsFoundFromItsParts() {
    double offset = 2.3;
    double drift = 150e-6;
    double fps = 30;
    Random r = new Random(7);
    double seconds = 720;
    double rate = 100;
    double[] bursts = new double[(int) (seconds * rate)];
    double t = 0;
    while (t < seconds) {
      t += 0.5 + 3 * r.nextDouble();
      double length = 0.3 + 2 * r.nextDouble();
      double amp = 0.5 + r.nextDouble();
      for (int i = (int) (t * rate); i < Math.min(bursts.length, (int) ((t + length) * rate)); i++) {
        bursts[i] += amp;
      }
      t += length;
    }
    double[] env = new double[bursts.length];
    for (int i = 0; i < env.length; i++) {
      env[i] = bursts[i] + 0.3 * Math.abs(r.nextGaussian());
    }
    ClockMapping truth = new ClockMapping(offset, drift);
    int frames = (int) ((seconds - 5) * fps);
    double[] times = new double[frames];
    double[] face = new double[frames];
    for (int f = 0; f < frames; f++) {
      times[f] = f / fps;
      double bio = truth.toBiosignalTime(times[f]);
      int i = (int) Math.round(bio * rate);
      face[f] = i >= 0 && i < bursts.length ? bursts[i] + 0.05 * r.nextGaussian() : Double.NaN;
    }
    OffsetEstimate e = OffsetEstimator.standard().estimate(env, rate, 0, times, face);
    assertThat(e.drift()).isCloseTo(drift, within(30e-6));
    double worst = 0;
    for (double time : times) {
      worst = Math.max(worst, Math.abs(e.mapping().toBiosignalTime(time) - truth.toBiosignalTime(time)));
    }
    assertThat(worst).isLessThan(1 / fps);
    assertThat(OffsetEstimator.standard().isClear(e)).isTrue();
  }

  private static double activity(double[] a, double landmarkTime, double fps) {
    int i = (int) Math.floor(landmarkTime * fps) + 1000;
    return i >= 0 && i < a.length ? a[i] : 0;
  }

  @Test
  void streamsThatNeverOverlapAreRejected() {
    double[] times = {100, 100.1, 100.2, 100.3};
    double[] motion = {Double.NaN, 1, 2, 1};
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OffsetEstimator.standard()
            .estimate(new double[] {1, 2, 3}, 10, 0, times, motion))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never overlap");
  }
}
