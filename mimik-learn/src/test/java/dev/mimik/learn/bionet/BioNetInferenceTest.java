package dev.mimik.learn.bionet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.engine.TorchEngine;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BioNetInferenceTest {

  /**
   * The folded, grouped form against the DJL blocks' own inference forward pass, with batch-norm statistics and
   * scales far from their initial values (so that a wrong fold or a wrong branch order shows), at batch 1 and 5.
   */
  @Test
  void computesWhatTheBlocksCompute() {
    Random rnd = new Random(3);
    for (BioNetConfig config : new BioNetConfig[] {BioNetConfig.defaults(4, 50, LandmarkSet.IBUG_51),
        new BioNetConfig(3, 33, LandmarkSet.IBUG_68, new int[] {5, 2}, new int[] {3, 7}, 3, 9, 0.5f),
        new BioNetConfig(2, 10, LandmarkSet.IBUG_51, new int[] {4}, new int[] {1}, 1, 6, 0f)}) {
      TorchEngine.seed(5);
      try (NDManager manager = TorchEngine.newManager()) {
        Block block = BioNet.build(config);
        block.initialize(manager, DataType.FLOAT32, BioNetModel.inputShape(config, 1));
        for (Parameter p : block.getParameters().values()) {
          NDArray a = p.getArray();
          float[] v = new float[(int) a.size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = switch (p.getName()) {
              case "runningVar" -> (float) (0.2 + 3 * rnd.nextDouble());
              case "gamma" -> (float) (0.5 + rnd.nextDouble());
              case "runningMean", "beta" -> (float) rnd.nextGaussian();
              default -> a.toFloatArray()[i];
            };
          }
          a.set(v);
        }
        BioNetInference inference = new BioNetInference(block, config, manager);
        for (int batch : new int[] {1, 5}) {
          float[] windows = new float[batch * config.inputs() * config.windowSamples()];
          for (int i = 0; i < windows.length; i++) {
            windows[i] = (float) rnd.nextGaussian();
          }
          float[] expected;
          try (NDManager call = manager.newSubManager()) {
            NDArray x = call.create(windows, BioNetModel.inputShape(config, batch));
            expected = block.forward(new ParameterStore(call, false), new NDList(x), false).singletonOrThrow()
                .toFloatArray();
          }
          float[] actual = inference.forward(windows, batch);
          double scale = 0;
          for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
          }
          assertThat(scale).as(config + " batch " + batch).isGreaterThan(0.01);
          assertThat(actual).as(config + " batch " + batch).hasSize(expected.length);
          for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as(config + " batch " + batch + " output " + i)
                .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5 * scale));
          }
        }
      }
    }
  }
}
