package dev.mimik.learn.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkSet;
import org.junit.jupiter.api.Test;

class NormalisedMeanErrorTest {

  @Test
  void dividesTheMeanPointErrorByTheOuterEyeCornerDistance() {
    LandmarkSet set = LandmarkSet.IBUG_68;
    float[] truth = new float[136];
    truth[2 * 36] = 0;
    truth[2 * 45] = 50; // inter-ocular distance 50
    float[] predicted = truth.clone();
    predicted[2 * 36] += 3; // point 36 off by 3
    predicted[2 * 10 + 1] += 4; // point 10 off by 4
    NormalisedMeanError nme = new NormalisedMeanError(set);
    // mean point error (3 + 4) / 68, relative to the truth's eye distance 50, in percent
    assertThat(nme.framePercent(predicted, truth)).isCloseTo(100.0 * 7 / 68 / 50, within(1e-12));
    assertThat(nme.percent(new float[][] {predicted, truth}, new float[][] {truth, truth}))
        .isCloseTo(50.0 * 7 / 68 / 50, within(1e-12));
  }

  @Test
  void usesThePositionsOfTheEyeCornersInSmallerSets() {
    LandmarkSet set = LandmarkSet.IBUG_51;
    float[] truth = new float[102];
    truth[2 * (36 - 17) + 1] = 10;
    truth[2 * (45 - 17) + 1] = 30;
    assertThat(new NormalisedMeanError(set).interOcular(truth)).isEqualTo(20.0);
  }
}
