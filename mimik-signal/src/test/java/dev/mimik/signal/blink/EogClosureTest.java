package dev.mimik.signal.blink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EogClosureTest {

  /**
   * 20 s at 250 Hz: three raised-cosine blinks of 300 uV and 0.3 s, a downward gaze step of -150 uV at 8 s held to
   * 14 s (one blink rides on it), noise 5 uV.
   */
  @Test
  void blinksReadClosedAtTheirPeakAndAGazeLevelDoesNot() {
    double fs = 250;
    int n = (int) (20 * fs);
    double[] x = new double[n];
    Random rnd = new Random(3);
    double[] onsets = {3.0, 10.0, 16.0};
    for (int i = 0; i < n; i++) {
      double t = i / fs;
      x[i] = 5 * rnd.nextGaussian() + (t >= 8 && t < 14 ? -150 : 0);
      for (double on : onsets) {
        if (t >= on && t < on + 0.3) {
          x[i] += 300 * 0.5 * (1 - Math.cos(2 * Math.PI * (t - on) / 0.3));
        }
      }
    }
    double[] frames = new double[600];
    for (int f = 0; f < frames.length; f++) {
      frames[f] = f / 30.0;
    }
    double[] p = EogClosure.standard().closure(x, fs, frames);
    for (int f = 0; f < frames.length; f++) {
      double t = frames[f];
      boolean inBlinkCore = false;
      boolean nearBlink = false;
      for (double on : onsets) {
        inBlinkCore |= t >= on + 0.1 && t <= on + 0.2; // cosine above 3/4 of its peak
        nearBlink |= t >= on - 0.05 && t <= on + 0.35;
      }
      if (inBlinkCore) {
        assertThat(p[f]).as("frame %d at %.3f s", f, t).isGreaterThan(0.5);
      } else if (!nearBlink) {
        assertThat(p[f]).as("frame %d at %.3f s", f, t).isEqualTo(0.0);
      }
    }
  }
}
