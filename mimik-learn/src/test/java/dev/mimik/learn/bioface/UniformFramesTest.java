package dev.mimik.learn.bioface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkTrack;
import org.junit.jupiter.api.Test;

class UniformFramesTest {

  /** One point moving as x = 10 t, y = -3 t, sampled at uneven times. */
  private static LandmarkTrack linearMotion(double[] times, boolean[] missing) {
    double[][] frames = new double[times.length][];
    for (int f = 0; f < times.length; f++) {
      frames[f] = missing[f] ? new double[] {Double.NaN, Double.NaN} : new double[] {10 * times[f], -3 * times[f]};
    }
    return new LandmarkTrack(times, 1, frames, missing);
  }

  @Test
  void interpolatesUnevenFramesOntoTheGrid() {
    double[] times = {0.013, 0.041, 0.09, 0.101, 0.16, 0.2};
    LandmarkTrack out = UniformFrames.resample(linearMotion(times, new boolean[times.length]), 30, 0.2);
    assertThat(out.timesSeconds()).hasSize(6); // 1/30 .. 6/30 inside [0.013, 0.2]
    for (int k = 0; k < out.frameCount(); k++) {
      assertThat(out.timesSeconds()[k]).isCloseTo((k + 1) / 30.0, within(1e-12));
      assertThat(out.x(k, 0)).isCloseTo(10 * out.timesSeconds()[k], within(1e-9));
      assertThat(out.y(k, 0)).isCloseTo(-3 * out.timesSeconds()[k], within(1e-9));
    }
  }

  @Test
  void longGapsBecomeMissingShortOnesAreBridged() {
    double[] times = new double[31];
    boolean[] missing = new boolean[31];
    for (int f = 0; f < times.length; f++) {
      times[f] = f / 30.0;
      missing[f] = (f >= 5 && f <= 6) || (f >= 15 && f <= 25);
    }
    LandmarkTrack out = UniformFrames.resample(linearMotion(times, missing), 30, 0.1);
    assertThat(out.frameCount()).isEqualTo(31);
    assertThat(out.missing()[5]).isFalse();
    assertThat(out.x(6, 0)).isCloseTo(2.0, within(1e-9));
    assertThat(out.missing()[20]).isTrue();
    assertThat(out.missingCount()).isEqualTo(11);
  }
}
