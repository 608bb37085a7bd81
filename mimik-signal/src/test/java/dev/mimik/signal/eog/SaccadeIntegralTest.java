package dev.mimik.signal.eog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.signal.band.Band;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SaccadeIntegralTest {

  private static final double FS = SaccadeIntegral.RATE;

  /**
   * Leads that see piecewise-constant gaze (fixations of 0.3-2 s, targets N(0, 10 deg), saccades of 21 ms + 2.2 ms
   * per degree) at 0.3-1.2 uV per degree under baseline wander of four sines per lead (0.02-0.5 Hz, 5-25 uV,
   * independent between leads) and white noise, all through the 0.1-10 Hz EOG band: the saccade integral follows
   * each lead's gaze signal (r 0.95-0.97) where the band itself does not (0.16-0.27).
   */
  @Test
  void followsGazeStepsThroughWander() {
    SplittableRandom r = new SplittableRandom(11);
    int n = (int) (120 * FS);
    int leads = 6;
    double[] gaze = gaze(n, r);
    double[][] truth = new double[leads][n];
    double[][] bands = new double[leads][];
    for (int c = 0; c < leads; c++) {
      double gain = (r.nextBoolean() ? 1 : -1) * r.nextDouble(0.3, 1.2);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        truth[c][i] = gain * gaze[i];
        x[i] = truth[c][i] + 0.5 * r.nextGaussian();
      }
      for (int k = 0; k < 4; k++) {
        double f = r.nextDouble(0.02, 0.5);
        double a = r.nextDouble(5, 25);
        double ph = r.nextDouble(0, 2 * Math.PI);
        for (int i = 0; i < n; i++) {
          x[i] += a * Math.sin(2 * Math.PI * f * i / FS + ph);
        }
      }
      bands[c] = ZeroPhaseSosFilter.filter(Band.eog().design(FS), x);
    }
    double[][] steps = SaccadeIntegral.standard().apply(bands, FS);
    for (int c = 0; c < leads; c++) {
      assertThat(pearson(steps[c], truth[c])).as("lead %d", c).isGreaterThan(0.9);
      assertThat(pearson(bands[c], truth[c])).as("lead %d's band", c).isLessThan(0.5);
    }
  }

  /** Gaze in degrees, as the simulator's performer makes it (minimum-jerk saccades between random targets). */
  private static double[] gaze(int n, SplittableRandom r) {
    double[] g = new double[n];
    double from = 0;
    double t = 0;
    while (t < n / FS) {
      double to = Math.max(-25, Math.min(25, 10 * r.nextGaussian()));
      double sacc = 0.021 + 0.0022 * Math.abs(to - from);
      double fix = r.nextDouble(0.3, 2.0);
      for (int i = (int) Math.round(t * FS); i < Math.min(n, (int) Math.round((t + sacc + fix) * FS) + 1); i++) {
        double u = Math.min(1, (i / FS - t) / sacc);
        g[i] = from + u * u * u * (10 - 15 * u + 6 * u * u) * (to - from);
      }
      from = to;
      t += sacc + fix;
    }
    return g;
  }

  private static double pearson(double[] a, double[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i] / a.length;
      mb += b[i] / b.length;
    }
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - ma) * (b[i] - mb);
      aa += (a[i] - ma) * (a[i] - ma);
      bb += (b[i] - mb) * (b[i] - mb);
    }
    return ab / Math.sqrt(aa * bb);
  }
}
