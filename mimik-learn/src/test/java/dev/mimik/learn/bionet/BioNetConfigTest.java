package dev.mimik.learn.bionet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.engine.TorchEngine;
import org.junit.jupiter.api.Test;

class BioNetConfigTest {

  @Test
  void parameterCountIsWhatTheNetworkHolds() {
    for (BioNetConfig config : new BioNetConfig[] {BioNetConfig.defaults(4, 50, LandmarkSet.IBUG_53),
        new BioNetConfig(2, 10, LandmarkSet.IBUG_51, new int[] {1}, new int[] {1}, 1, 1, 0f),
        new BioNetConfig(3, 33, LandmarkSet.IBUG_68, new int[] {5, 2}, new int[] {3, 7}, 3, 9, 0.5f)}) {
      try (NDManager manager = TorchEngine.newManager()) {
        Block block = BioNet.build(config);
        block.initialize(manager, DataType.FLOAT32, BioNetModel.inputShape(config, 1));
        long held = block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
        assertThat(config.parameterCount()).as(config.toString()).isEqualTo(held);
      }
    }
  }

  @Test
  void aHugeConfigurationSaturatesInsteadOfOverflowing() {
    BioNetConfig huge = new BioNetConfig(1 << 20, 1 << 20, LandmarkSet.IBUG_68, new int[] {1 << 20},
        new int[] {1}, 1, Integer.MAX_VALUE, 0f);
    assertThat(huge.parameterCount()).isEqualTo(Long.MAX_VALUE);
  }
}
