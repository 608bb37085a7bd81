package dev.mimik.learn.bionet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained {@link BioNet} in the form inference needs, computing the same function with fewer native calls: the
 * branches' convolutions as one grouped convolution (group {@code i} sees input row {@code i}, so no input is sliced
 * and no branch output concatenated: the grouped output flattens to the branches' concatenation), each batch norm
 * folded into the convolution before it (its running statistics are fixed at inference), and ReLU after max pooling
 * (the two commute, and the pooled array is smaller). A batch-1 forward pass through the DJL blocks was about sixty
 * native calls for a few hundred thousand multiply-adds, so the calls' own cost was most of it; this form makes
 * fifteen.
 *
 * <p>It computes in double precision: PyTorch hands every grouped float convolution on the CPU to oneDNN, whose setup
 * on each call ate most of what the grouping saved at batch 1, and runs double convolutions with its own kernels
 * ({@code docs/notes/pipeline.md} has the timings). Results agree with the float blocks' to their float rounding.
 *
 * <p>The folded parameters live in the manager given; each forward pass allocates in a sub-manager it closes.
 */
final class BioNetInference {

  private final BioNetConfig config;
  private final NDManager manager;
  private final NDArray[] convWeight;
  private final NDArray[] convBias;
  private final NDArray hiddenWeight;
  private final NDArray hiddenBias;
  private final NDArray outputWeight;
  private final NDArray outputBias;

  /**
   * The inference form of {@code net}, a network {@link BioNet#build} made for {@code config}, initialised, its
   * parameters held in {@code manager}.
   */
  BioNetInference(Block net, BioNetConfig config, NDManager manager) {
    this.config = config;
    this.manager = manager;
    int layers = config.branchChannels().length;
    List<Block> parts = net.getChildren().values();
    List<Block> branches = parts.get(0).getChildren().values();
    List<List<Block>> convs = new ArrayList<>();
    List<List<Block>> norms = new ArrayList<>();
    for (int layer = 0; layer < layers; layer++) {
      convs.add(new ArrayList<>());
      norms.add(new ArrayList<>());
    }
    for (Block branch : branches) {
      int conv = 0;
      int norm = 0;
      for (Block b : branch.getChildren().values()) {
        if (b instanceof Conv1d) {
          convs.get(conv++).add(b);
        } else if (b instanceof BatchNorm) {
          norms.get(norm++).add(b);
        }
      }
    }
    convWeight = new NDArray[layers];
    convBias = new NDArray[layers];
    for (int layer = 0; layer < layers; layer++) {
      fold(layer, convs.get(layer), norms.get(layer));
    }
    List<Block> dense = parts.stream().filter(Linear.class::isInstance).toList();
    hiddenWeight = wide(parameter(dense.get(0), "weight"));
    hiddenBias = wide(parameter(dense.get(0), "bias"));
    outputWeight = wide(parameter(dense.get(1), "weight"));
    outputBias = wide(parameter(dense.get(1), "bias"));
  }

  /**
   * The network's output {@code [batch][outputs]}, flattened, for normalised windows {@code [batch][input][sample]},
   * flattened.
   */
  float[] forward(float[] windows, int batch) {
    try (NDManager call = manager.newSubManager()) {
      double[] wide = new double[windows.length];
      for (int i = 0; i < wide.length; i++) {
        wide[i] = windows[i];
      }
      NDArray x = call.create(wide, new Shape(batch, config.inputs(), config.windowSamples()));
      int[] kernels = config.kernelSizes();
      Shape one = new Shape(1);
      Shape pool = new Shape(config.poolSize());
      for (int layer = 0; layer < kernels.length; layer++) {
        x = Conv1d.conv1d(x, convWeight[layer], convBias[layer], one, new Shape(kernels[layer] / 2), one,
            config.inputs()).singletonOrThrow();
        if (config.poolSize() > 1) {
          x = Pool.maxPool1d(x, pool, pool, new Shape(0), false);
        }
        x = Activation.relu(x);
      }
      x = x.reshape(batch, -1);
      x = Activation.relu(Linear.linear(x, hiddenWeight, hiddenBias).singletonOrThrow());
      double[] out = Linear.linear(x, outputWeight, outputBias).singletonOrThrow().toDoubleArray();
      float[] narrow = new float[out.length];
      for (int i = 0; i < out.length; i++) {
        narrow[i] = (float) out[i];
      }
      return narrow;
    }
  }

  /**
   * Layer {@code layer}'s convolutions of every branch as one grouped convolution with each branch's batch norm
   * folded in: weight {@code w * gamma / sqrt(var + eps)} per output channel, bias
   * {@code beta - mean * gamma / sqrt(var + eps)}.
   */
  private void fold(int layer, List<Block> convs, List<Block> norms) {
    NDList weights = new NDList();
    NDList biases = new NDList();
    for (int i = 0; i < convs.size(); i++) {
      float[] w = parameter(convs.get(i), "weight").toFloatArray();
      Block norm = norms.get(i);
      float[] gamma = parameter(norm, "gamma").toFloatArray();
      float[] beta = parameter(norm, "beta").toFloatArray();
      float[] mean = parameter(norm, "runningMean").toFloatArray();
      float[] var = parameter(norm, "runningVar").toFloatArray();
      int per = w.length / gamma.length;
      double[] foldedWeight = new double[w.length];
      double[] foldedBias = new double[gamma.length];
      for (int c = 0; c < gamma.length; c++) {
        double scale = gamma[c] / Math.sqrt(var[c] + (double) BioNet.BATCH_NORM_EPSILON);
        for (int k = c * per; k < (c + 1) * per; k++) {
          foldedWeight[k] = w[k] * scale;
        }
        foldedBias[c] = beta[c] - mean[c] * scale;
      }
      weights.add(manager.create(foldedWeight, parameter(convs.get(i), "weight").getShape()));
      biases.add(manager.create(foldedBias));
    }
    convWeight[layer] = NDArrays.concat(weights, 0);
    convBias[layer] = NDArrays.concat(biases, 0);
    weights.close();
    biases.close();
  }

  /** A parameter in double precision (held where the parameter is). */
  private static NDArray wide(NDArray parameter) {
    return parameter.toType(DataType.FLOAT64, true);
  }

  private static NDArray parameter(Block block, String name) {
    return block.getParameters().get(name).getArray();
  }
}
