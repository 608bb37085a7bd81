package dev.mimik.face.smooth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KalmanLandmarkFilterTest {

  /**
   * The landmark filter, which runs one covariance for all points while they are seen together, gives what one
   * filter per point gives: through frames where every point is lost, and after a frame where only some are seen,
   * from which on each point goes its own way.
   */
  @Test
  void givesWhatOneFilterPerPointGives() {
    int points = 5;
    KalmanSettings settings = KalmanSettings.defaults();
    KalmanLandmarkFilter filter = new KalmanLandmarkFilter(settings, points);
    ConstantVelocityPoint[] each = new ConstantVelocityPoint[points];
    Random r = new Random(2);
    for (int f = 0; f < 200; f++) {
      double t = f / 30.0 + (f > 100 ? 0.01 : 0);
      double[] frame = new double[2 * points];
      for (int i = 0; i < frame.length; i++) {
        frame[i] = 100 + 10 * i + 30 * Math.sin(0.05 * f + i) + 2 * r.nextGaussian();
      }
      if (f >= 40 && f < 45) {
        frame = null; // all lost
      } else if (f == 120) {
        frame[2] = Double.NaN; // point 1 lost alone
        frame[3] = Double.NaN;
      }
      double[] got = filter.process(t, frame);
      for (int i = 0; i < points; i++) {
        double x = frame == null ? Double.NaN : frame[2 * i];
        double y = frame == null ? Double.NaN : frame[2 * i + 1];
        double[] want;
        if (each[i] == null) {
          each[i] = new ConstantVelocityPoint(settings, t, x, y, null);
          want = new double[] {x, y};
        } else {
          want = each[i].step(t, x, y);
        }
        assertThat(got[2 * i]).as("frame %d point %d x", f, i).isCloseTo(want[0], within(1e-9));
        assertThat(got[2 * i + 1]).as("frame %d point %d y", f, i).isCloseTo(want[1], within(1e-9));
      }
    }
  }
}
