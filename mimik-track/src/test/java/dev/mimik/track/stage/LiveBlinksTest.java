package dev.mimik.track.stage;

import dev.mimik.learn.bioface.BlinkModel;
import dev.mimik.learn.bioface.FrontEnd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.signal.blink.BlinkDetector;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiveBlinksTest {

  private static final double FS = 250;
  private static final double FPS = 30;

  /**
   * A vertical EOG of 90 s: blinks of 30 uV lasting 0.15-0.4 s every 2-5 s, on slow waves of up to 20 uV at
   * 0.1-0.5 Hz, gaze steps of up to 15 uV and 1 uV noise; the live detector, fed a frame's worth of samples at a
   * time, closes the eyes where the offline detector on the whole recording does, and on every true blink.
   */
  @Test
  void closesTheEyesWhereTheOfflineDetectorDoesOnTheWholeRecording() {
    SplittableRandom r = new SplittableRandom(3);
    int n = (int) (90 * FS);
    double[] eog = new double[n];
    double[] noise = new double[n];
    for (int k = 0; k < 3; k++) {
      double f = r.nextDouble(0.1, 0.5);
      double a = r.nextDouble(5, 20);
      double ph = r.nextDouble(0, 2 * Math.PI);
      for (int i = 0; i < n; i++) {
        eog[i] += a * Math.sin(2 * Math.PI * f * i / FS + ph);
      }
    }
    double level = 0;
    for (int i = 0; i < n; i++) {
      if (r.nextDouble() < 1 / FS) {
        level = r.nextDouble(-15, 15);
      }
      eog[i] += level;
      noise[i] = r.nextGaussian();
    }
    List<double[]> blinks = new ArrayList<>();
    for (double t = 2; t < 88; t += r.nextDouble(2, 5)) {
      double d = r.nextDouble(0.15, 0.4);
      blinks.add(new double[] {t, t + d});
      for (int i = (int) (t * FS); i < (int) ((t + d) * FS); i++) {
        eog[i] += 30 * 0.5 * (1 - Math.cos(2 * Math.PI * (i / FS - t) / d));
      }
    }
    for (int i = 0; i < n; i++) {
      eog[i] += noise[i];
    }
    FrontEnd frontEnd = FrontEnd.defaults(List.of("EMG", "EOG"), FS, FPS);
    BlinkModel model = new BlinkModel("EOG", BlinkDetector.standard().withPositive(true).calibrated(12, 0.3), 1, 1,
        blinks.size());

    int frames = (int) ((n - 1) / FS * FPS);
    double[] times = new double[frames];
    for (int f = 0; f < frames; f++) {
      times[f] = f / FPS;
    }
    double[] band = ZeroPhaseSosFilter.filter(frontEnd.splitter().eogFilter(FS), eog);
    double[] offline = model.closure(new double[][] {new double[n], band}, frontEnd, times);

    LiveBlinks live = new LiveBlinks(model, frontEnd);
    double[] online = new double[frames];
    int next = 0;
    int block = 8;
    for (int from = 0; from < n; from += block) {
      int to = Math.min(n, from + block);
      double[][] chunk = {new double[to - from], java.util.Arrays.copyOfRange(eog, from, to)};
      live.push(chunk);
      while (next < frames && times[next] <= to / FS - live.delaySeconds() - 1 / FS) {
        online[next] = live.closureAt(times[next]);
        next++;
      }
    }
    assertThat(live.delaySeconds()).isBetween(0.4, 0.41);
    assertThat(next).isGreaterThan(frames - 25);

    int agree = 0;
    int closedOffline = 0;
    for (int f = 0; f < next; f++) {
      agree += (offline[f] >= 0.5) == (online[f] >= 0.5) ? 1 : 0;
      closedOffline += offline[f] >= 0.5 ? 1 : 0;
    }
    assertThat(closedOffline).isGreaterThan(blinks.size() * 2);
    assertThat(agree / (double) next).isGreaterThan(0.995);
    int seen = 0;
    for (double[] b : blinks) {
      boolean closed = false;
      for (int f = (int) Math.ceil(b[0] * FPS); f <= (int) (b[1] * FPS) && f < next; f++) {
        closed |= online[f] >= 0.5;
      }
      seen += closed ? 1 : 0;
    }
    assertThat(seen).isEqualTo(blinks.size());
  }
}
