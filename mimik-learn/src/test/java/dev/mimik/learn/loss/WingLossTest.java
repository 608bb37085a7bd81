package dev.mimik.learn.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class WingLossTest {

  @Test
  void followsFengEtAlAndIsContinuousAtW() {
    WingLoss loss = new WingLoss(10, 2, new float[] {1});
    double c = 10 - 10 * Math.log(1 + 10 / 2.0);
    assertThat(loss.value(0)).isEqualTo(0);
    assertThat(loss.value(1)).isCloseTo(10 * Math.log(1.5), within(1e-12));
    assertThat(loss.value(-25)).isCloseTo(25 - c, within(1e-12));
    assertThat(loss.value(10 - 1e-9)).isCloseTo(loss.value(10 + 1e-9), within(1e-6));
  }

  @Test
  void theTensorLossScalesEachCoordinateAndAveragesTheScalarFormula() {
    float[] scale = {1, 2, 30};
    WingLoss loss = new WingLoss(10, 2, scale);
    float[] predicted = {0.5f, -3f, 1f, 2f, 0f, -0.5f};
    float[] truth = {0f, 0f, 0f, 0f, 0f, 0f};
    double expected = 0;
    for (int i = 0; i < 6; i++) {
      expected += loss.value((predicted[i] - truth[i]) * scale[i % 3]) / 6;
    }
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      float value = loss.evaluate(new NDList(manager.create(truth, new ai.djl.ndarray.types.Shape(2, 3))),
          new NDList(manager.create(predicted, new ai.djl.ndarray.types.Shape(2, 3)))).getFloat();
      assertThat((double) value).isCloseTo(expected, within(1e-4));
    }
  }
}
