package dev.mimik.learn.eifer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class HuberLossTest {

  @Test
  void squaredNearTheTargetAbsoluteBeyondTheThreshold() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDList labels = new NDList(m.create(new float[] {0, 0, 0, 1}));
      NDList predictions = new NDList(m.create(new float[] {0.5f, -2, 10, 1}));
      // delta 1: 0.125, 1 * (2 - 0.5) = 1.5, 1 * (10 - 0.5) = 9.5, 0; mean 11.125 / 4
      assertThat(new HuberLoss(1).evaluate(labels, predictions).getFloat()).isCloseTo(11.125f / 4, within(1e-6f));
      // a large delta is half the squared error: (0.25 + 4 + 100 + 0) / 2 / 4
      assertThat(new HuberLoss(100).evaluate(labels, predictions).getFloat()).isCloseTo(104.25f / 8, within(1e-5f));
    }
  }
}
