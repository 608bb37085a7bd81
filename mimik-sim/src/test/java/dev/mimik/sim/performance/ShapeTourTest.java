package dev.mimik.sim.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShapeTourTest {

  private final Performance tour = new ShapeTour(30).perform(1, 5);

  @Test
  void everyShapeButTheTongueMovesAndRestsAgain() {
    for (int k = 0; k < Blendshapes.ARKIT_52.size(); k++) {
      int shape = k;
      double max = Arrays.stream(tour.weights()).mapToDouble(w -> w[shape]).max().orElseThrow();
      String name = Blendshapes.ARKIT_52.get(k);
      assertThat(max).as(name).isGreaterThan(name.equals("tongueOut") ? -1 : 0.3).isLessThanOrEqualTo(1);
      assertThat(tour.weights()[0][k]).as(name + " at the start").isZero();
    }
  }

  @Test
  void jawAndMouthDirectionsComeAloneAndTheLipsCloseOnlyOverAnOpenJaw() {
    int left = Blendshapes.indexOf("jawLeft");
    int right = Blendshapes.indexOf("jawRight");
    int close = Blendshapes.indexOf("mouthClose");
    int open = Blendshapes.indexOf("jawOpen");
    for (double[] w : tour.weights()) {
      assertThat(Math.min(w[left], w[right])).isZero();
      assertThat(w[close]).isLessThanOrEqualTo(w[open] + 1e-12);
    }
  }

  @Test
  void aboutAFifthOfTheFramesAreNeutral() {
    long neutral = Arrays.stream(tour.weights()).filter(w -> Arrays.stream(w).allMatch(x -> x <= 0.01)).count();
    assertThat(neutral / (double) tour.sampleCount()).isBetween(0.1, 0.4);
    assertThat(tour.durationSeconds()).isBetween(80.0, 150.0);
  }

  @Test
  void theSameSeedGivesTheSamePerformance() {
    Performance again = new ShapeTour(30).perform(1, 5);
    assertThat(again.weights()).isDeepEqualTo(tour.weights());
    assertThat(again.headPose()).isDeepEqualTo(tour.headPose());
    assertThat(Arrays.deepEquals(new ShapeTour(30).perform(1, 6).weights(), tour.weights())).isFalse();
  }
}
