package dev.mimik.signal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkTrack;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaceActivityTest {

  /**
   * A 68-point face that moves its head (translation, distance, in-plane roll) all the time and opens its mouth
   * from frame 40 to 59: only the mouth region leaves its neutral, and stays away while the mouth is held open,
   * where the motion between frames is back to zero.
   */
  @Test
  void aHeldExpressionStaysAwayFromNeutralWhateverTheHeadDoes() {
    Random r = new Random(3);
    double[] neutral = new double[136];
    for (int i = 0; i < 136; i++) {
      neutral[i] = 100 * r.nextDouble();
    }
    int n = 100;
    double[][] frames = new double[n][];
    double[] times = new double[n];
    for (int f = 0; f < n; f++) {
      times[f] = f / 30.0;
      double open = f >= 40 && f < 60 ? Math.min(1, (f - 40) / 5.0) : 0;
      double angle = 0.2 * Math.sin(f / 7.0);
      double scale = 1 + 0.1 * Math.cos(f / 5.0);
      double[] frame = new double[136];
      for (int p = 0; p < 68; p++) {
        double x = neutral[2 * p];
        double y = neutral[2 * p + 1] + (p >= 48 ? 8 * open * (p % 2 == 0 ? 1 : -1) : 0);
        frame[2 * p] = scale * (Math.cos(angle) * x - Math.sin(angle) * y) + 20 * Math.sin(f / 3.0);
        frame[2 * p + 1] = scale * (Math.sin(angle) * x + Math.cos(angle) * y) - 10 * f / (double) n;
      }
      frames[f] = frame;
    }
    double[][] a = FaceActivity.of(new LandmarkTrack(times, 68, frames, new boolean[n]));
    assertThat(FaceActivity.regions(68)).isEqualTo(5);
    for (int f = 0; f < n; f++) {
      for (int region = 0; region < 3; region++) {
        assertThat(a[f][region]).as("frame %d region %d", f, region).isCloseTo(0, within(0.02));
      }
      if (f >= 45 && f < 60) {
        assertThat(a[f][3]).as("mouth, frame %d", f).isGreaterThan(0.1);
      } else if (f < 40 || f >= 60) {
        assertThat(a[f][3]).as("mouth, frame %d", f).isCloseTo(0, within(0.02));
      }
    }
    assertThat(a[55][3]).isCloseTo(a[50][3], within(1e-3));
  }
}
