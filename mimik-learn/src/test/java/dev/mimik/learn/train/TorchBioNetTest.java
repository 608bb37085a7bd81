package dev.mimik.learn.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.SyntheticTask;
import dev.mimik.learn.bionet.BioNet;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.engine.TorchEngine;
import dev.mimik.learn.loss.WingLoss;
import java.util.Random;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * mimik's BioNet and {@code bionet_torch.py} are the same network: PyTorch counts the same trainable parameters,
 * and with mimik's parameters copied in, it computes the same Wing loss on the same batch, both with the batch's
 * statistics (training) and with the running ones (prediction). Skipped when Debian's {@code /usr/bin/python3} (or
 * {@code python3}) has no torch: {@code apt-get install python3-torch}, which {@code .ci/install-test-tools} does.
 */
class TorchBioNetTest {

  static final LandmarkSet SET = LandmarkSet.IBUG_51;
  static TorchBioNet torch;

  @BeforeAll
  static void python() {
    torch = new TorchBioNet(TorchBioNet.defaultPython());
    torch.unavailable().ifPresent(why -> Assumptions.abort("PyTorch is not available: " + why));
  }

  @Test
  void theDefaultNetworkHasTheSameParametersAndLossInPrediction() throws Exception {
    sameLoss(BioNetConfig.defaults(4, 30, SET), false);
  }

  @Test
  void aNetworkWithoutDropoutHasTheSameLossWithBatchStatisticsAndWithRunningOnes() throws Exception {
    BioNetConfig config = new BioNetConfig(3, 20, SET, new int[] {4, 6}, new int[] {5, 3}, 2, 24, 0f);
    sameLoss(config, true);
    sameLoss(config, false);
  }

  @Test
  void trainsOnMimiksSplitAndTimesEachEpoch() throws Exception {
    SyntheticTask task = SyntheticTask.generate(300, 2, 32, SET, 5);
    BioNetConfig config = new BioNetConfig(2, 32, SET, new int[] {4, 8}, new int[] {5, 3}, 2, 32, 0.1f);
    TorchBioNet.Run run = torch.train(config, new TrainingOptions(3, 32, 3e-3f, 0, 7, 0.2, 4, 2, false),
        task.windows(), task.targets(), 1);
    assertThat(run.threads()).isEqualTo(1);
    assertThat(run.blasThreads()).as("OpenBLAS's own pool held to torch's thread count").isEqualTo(1);
    assertThat(run.allocator()).as("the interpreter runs with mimik's allocator").isEqualTo(TorchEngine.allocator());
    assertThat(run.epochSeconds()).hasSize(3);
    assertThat(run.epochCpuSeconds()).hasSize(3);
    assertThat(java.util.Arrays.stream(run.epochSeconds()).min().getAsDouble()).isPositive();
    assertThat(java.util.Arrays.stream(run.epochCpuSeconds()).min().getAsDouble()).isPositive();
  }

  /**
   * Sets every parameter and running statistic of mimik's network to seeded random values (so that no layer is
   * the identity, as batch norm is when initialised), then compares the losses.
   */
  private static void sameLoss(BioNetConfig config, boolean training) throws Exception {
    Random random = new Random(3);
    int batch = 8;
    float[] x = gaussian(random, batch * config.inputs() * config.windowSamples(), 1);
    float[] y = gaussian(random, batch * config.outputs(), 1);
    float[] scale = new float[config.outputs()];
    for (int i = 0; i < scale.length; i++) {
      scale[i] = 1 + 29 * random.nextFloat(); // differences on both sides of w = 10
    }
    WingLoss loss = new WingLoss(WingLoss.DEFAULT_W, WingLoss.DEFAULT_EPS, scale);
    try (NDManager manager = TorchEngine.newManager()) {
      Block block = BioNet.build(config);
      block.initialize(manager, DataType.FLOAT32, BioNetModel.inputShape(config, 1));
      long trainable = 0;
      for (Parameter p : block.getParameters().values()) {
        NDArray array = p.getArray();
        boolean variance = p.getType() == Parameter.Type.RUNNING_VAR;
        float[] values = gaussian(random, (int) array.size(), 0.3);
        for (int i = 0; i < values.length && variance; i++) {
          values[i] = 0.5f + random.nextFloat();
        }
        array.set(values);
        trainable += p.requiresGradient() ? array.size() : 0;
      }
      TorchBioNet.Loss theirs = torch.loss(config, loss, block, x, y, batch, training);
      float ours;
      // inside a gradient collector, as the trainer runs the network in training mode
      try (GradientCollector collector = TorchEngine.get().newGradientCollector()) {
        NDArray prediction = block.forward(new ParameterStore(manager, false),
            new NDList(manager.create(x, BioNetModel.inputShape(config, batch))), training).singletonOrThrow();
        ours = loss.evaluate(new NDList(manager.create(y, prediction.getShape())), new NDList(prediction))
            .getFloat();
      }
      assertThat(theirs.parameters()).isEqualTo(trainable);
      assertThat(theirs.loss()).isCloseTo(ours, Percentage.withPercentage(1e-3));
    }
  }

  private static float[] gaussian(Random random, int n, double sd) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (sd * random.nextGaussian());
    }
    return v;
  }
}
