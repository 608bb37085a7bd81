package dev.mimik.learn.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.SyntheticTask;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RidgeBaselineTest {

  @Test
  void recoversAKnownLinearMapOfTheWindowFeatures() {
    SyntheticTask task = SyntheticTask.generate(400, 3, 40, LandmarkSet.IBUG_51, 5);
    Random random = new Random(3);
    int k = WindowFeatures.count(3);
    double[][] map = new double[k][102];
    double[] intercept = new double[102];
    for (int c = 0; c < 102; c++) {
      intercept[c] = random.nextGaussian();
      for (int j = 0; j < k; j++) {
        map[j][c] = random.nextGaussian();
      }
    }
    float[][] targets = new float[400][102];
    for (int f = 0; f < 400; f++) {
      double[] x = WindowFeatures.of(task.windows()[f]);
      for (int c = 0; c < 102; c++) {
        double v = intercept[c];
        for (int j = 0; j < k; j++) {
          v += x[j] * map[j][c];
        }
        targets[f][c] = (float) v;
      }
    }
    RidgeBaseline ridge = RidgeBaseline.fit(task.windows(), targets, LandmarkSet.IBUG_51, 1e-9);
    float[][][] fresh = SyntheticTask.generate(50, 3, 40, LandmarkSet.IBUG_51, 6).windows();
    float[][] predicted = ridge.predict(fresh);
    for (int f = 0; f < 50; f++) {
      double[] x = WindowFeatures.of(fresh[f]);
      for (int c = 0; c < 102; c++) {
        double v = intercept[c];
        for (int j = 0; j < k; j++) {
          v += x[j] * map[j][c];
        }
        assertThat(predicted[f][c]).isCloseTo((float) v, within(1e-3f));
      }
    }
    assertThat(ridge.predictFrame(fresh[0])).containsExactly(predicted[0]);
  }

  @Test
  void featuresAreTheRmsOfTheWholeWindowAndOfItsLastQuarter() {
    float[][] window = {{3, -3, 3, -3, 0, 0, 4, -4}};
    assertThat(WindowFeatures.of(window)).containsExactly(Math.sqrt((4 * 9 + 2 * 16) / 8.0), 4.0);
  }

  @Test
  void aLargePenaltyShrinksTowardsTheMeanFace() {
    SyntheticTask task = SyntheticTask.generate(200, 2, 32, LandmarkSet.IBUG_51, 8);
    float[][] predicted = RidgeBaseline.fit(task.windows(), task.targets(), LandmarkSet.IBUG_51, 1e12).predict(task.windows());
    double mean0 = 0;
    for (float[] t : task.targets()) {
      mean0 += t[0] / 200.0;
    }
    assertThat((double) predicted[17][0]).isCloseTo(mean0, within(1e-6));
  }
}
