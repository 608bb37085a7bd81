package dev.mimik.signal.blink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlinkDetectorTest {

  static final double FS = 250;
  /** Where a raised-cosine pulse of duration d crosses 10% of its height: acos(0.8) / (2 pi) of d in. */
  static final double EDGE = Math.acos(0.8) / (2 * Math.PI);

  /** Synthetic EOG: slow drift, white noise, raised-cosine blinks at known times. */
  record Synthetic(double[] x, double[] starts, double[] durations, double[] amplitudes) {}

  static Synthetic synthetic(long seed, boolean positive) {
    Random r = new Random(seed);
    int n = (int) (60 * FS);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double t = i / FS;
      x[i] = 30 * Math.sin(2 * Math.PI * 0.05 * t) + 5 * r.nextGaussian();
    }
    int count = 20;
    double[] starts = new double[count];
    double[] durations = new double[count];
    double[] amplitudes = new double[count];
    for (int b = 0; b < count; b++) {
      starts[b] = 1.0 + b * 2.9 + r.nextDouble();
      durations[b] = 0.2 + 0.2 * r.nextDouble();
      amplitudes[b] = 150 + 150 * r.nextDouble();
      int from = (int) Math.ceil(starts[b] * FS);
      int to = (int) Math.floor((starts[b] + durations[b]) * FS);
      for (int i = from; i <= to; i++) {
        double phase = 2 * Math.PI * (i / FS - starts[b]) / durations[b];
        x[i] += (positive ? 1 : -1) * amplitudes[b] * 0.5 * (1 - Math.cos(phase));
      }
    }
    return new Synthetic(x, starts, durations, amplitudes);
  }

  @Test
  void findsEveryBlinkWithItsOnsetOffsetAndAmplitude() {
    for (boolean positive : new boolean[] {true, false}) {
      Synthetic s = synthetic(positive ? 5 : 6, positive);
      BlinkDetector d = BlinkDetector.standard();
      if (!positive) {
        d = BlinkDetector.standard().withPositive(false);
      }
      List<Blink> found = d.detect(s.x(), FS);
      assertThat(found).hasSize(s.starts().length);
      for (int b = 0; b < found.size(); b++) {
        Blink k = found.get(b);
        double dur = s.durations()[b];
        assertThat(k.onsetSeconds()).isCloseTo(s.starts()[b] + EDGE * dur, within(0.02));
        assertThat(k.offsetSeconds()).isCloseTo(s.starts()[b] + (1 - EDGE) * dur, within(0.02));
        assertThat(k.peakSeconds()).isCloseTo(s.starts()[b] + dur / 2, within(0.02));
        assertThat(k.amplitude()).isCloseTo(s.amplitudes()[b], within(0.1 * s.amplitudes()[b]));
      }
    }
  }

  @Test
  void noiseAloneHasNoBlinks() {
    Random r = new Random(1);
    double[] x = new double[(int) (30 * FS)];
    for (int i = 0; i < x.length; i++) {
      x[i] = 5 * r.nextGaussian();
    }
    assertThat(BlinkDetector.standard().detect(x, FS)).isEmpty();
  }

  @Test
  void slowStepsLongerThanABlinkAreNotBlinks() {
    double[] x = new double[(int) (20 * FS)];
    for (int i = (int) (5 * FS); i < (int) (12 * FS); i++) {
      x[i] = 200; // a 7 s plateau, like a held gaze shift
    }
    Random r = new Random(2);
    for (int i = 0; i < x.length; i++) {
      x[i] += 5 * r.nextGaussian();
    }
    assertThat(BlinkDetector.standard().detect(x, FS)).isEmpty();
  }
}
