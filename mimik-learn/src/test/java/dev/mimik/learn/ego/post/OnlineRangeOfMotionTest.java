package dev.mimik.learn.ego.post;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two complaints of open trackers' users, on a simulated user: expressions that never reach full strength (a
 * network that mutes this person's jaw to half) and cross-talk that calibration amplifies (a shape that only ever
 * leaks a little from another).
 */
class OnlineRangeOfMotionTest {

  static final int JAW = Blendshapes.indexOf("jawOpen");
  static final int PUCKER = Blendshapes.indexOf("mouthPucker");

  @Test
  void aMutedExpressionReachesFullStrengthAndLeakageIsNotAmplified() {
    double[] reference = new double[Blendshapes.ARKIT_52.size()];
    reference[JAW] = 0.9;
    reference[PUCKER] = 0.8;
    OnlineRangeOfMotion online = new OnlineRangeOfMotion(RangeOfMotion.of(reference), 10, 60);
    SplittableRandom random = new SplittableRandom(4);
    double rawPeak = 0;
    double calibratedPeak = 0;
    double leakRaw = 0;
    double leakCalibrated = 0;
    int late = 0;
    for (int f = 0; f < 30 * 60; f++) {
      double t = f / 30.0;
      // the jaw opens fully every 4 s for a second, but the network only gives half (0.45 of the reference's 0.9)
      double phase = t % 4;
      double truth = phase < 1 ? Math.sin(Math.PI * phase) : 0;
      double[] w = new double[reference.length];
      w[JAW] = 0.45 * truth + 0.01 * random.nextGaussian();
      // pucker leaks from the jaw: a tenth of it
      w[PUCKER] = Math.max(0, 0.1 * truth + 0.01 * random.nextGaussian());
      double[] c = online.apply(t, w);
      if (t > 20) {
        rawPeak = Math.max(rawPeak, w[JAW]);
        calibratedPeak = Math.max(calibratedPeak, c[JAW]);
        leakRaw += w[PUCKER];
        leakCalibrated += c[PUCKER];
        late++;
      }
    }
    assertThat(rawPeak).isLessThan(0.5);
    assertThat(calibratedPeak).isGreaterThan(0.8);
    assertThat(leakCalibrated / late).isLessThanOrEqualTo(leakRaw / late + 1e-9);
  }
}
