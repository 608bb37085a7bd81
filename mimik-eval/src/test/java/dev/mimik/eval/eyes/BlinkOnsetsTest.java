package dev.mimik.eval.eyes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** When a tracked face starts its blinks, on hand-made apertures. */
class BlinkOnsetsTest {

  @Test
  void onsetErrorIsWhereTheLidsStartedToMoveBeforeTheClosureAndMissedBlinksAreNaN() {
    double fps = 30;
    double[] times = new double[30];
    double[][] avatar = new double[30][];
    for (int f = 0; f < 30; f++) {
      times[f] = f / fps;
      double a = f >= 12 && f <= 16 ? new double[] {0.8, 0.4, 0.1, 0.05, 0.6}[f - 12] : 1;
      avatar[f] = new double[] {a, a};
    }
    double[][] blinks = {{10 / fps, 8 / fps}, {22 / fps, 5 / fps}};
    double[] errors = BlinkOnsets.errorsFrames(times, avatar, blinks, fps);
    assertThat(errors[0]).isCloseTo(2, within(1e-9));
    assertThat(errors[1]).isNaN();
  }
}
