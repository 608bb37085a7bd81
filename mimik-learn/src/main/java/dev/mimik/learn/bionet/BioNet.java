package dev.mimik.learn.bionet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * BioNet, the multi-input 1D CNN of BioFace-3D: one convolutional branch per input signal (conv1d, batch norm,
 * ReLU, max pooling, repeated), the flattened branch outputs concatenated, and a dense head regressing the
 * landmark coordinates.
 *
 * <p>Input: one array {@code [batch, inputs, windowSamples]} (normalised windows); output: one array
 * {@code [batch, 2 * points]} (normalised aligned coordinates). Each branch picks its own input row, so the branches
 * learn separate filters for EMG and EOG of each channel.
 */
public final class BioNet {

  /** The batch norms' epsilon (DJL's default, written out because {@link BioNetInference} folds it in). */
  static final float BATCH_NORM_EPSILON = 1e-5f;

  private BioNet() {}

  /** Builds the (uninitialised) network for a configuration. */
  public static Block build(BioNetConfig config) {
    List<Block> branches = new ArrayList<>();
    for (int input = 0; input < config.inputs(); input++) {
      branches.add(branch(config, input));
    }
    ParallelBlock fused = new ParallelBlock(
        lists -> new NDList(NDArrays.concat(new NDList(lists.stream().map(NDList::singletonOrThrow).toList()), 1)),
        branches);
    SequentialBlock net = new SequentialBlock();
    net.add(fused);
    net.add(Linear.builder().setUnits(config.hidden()).build());
    net.add(Activation.reluBlock());
    if (config.dropout() > 0) {
      net.add(Dropout.builder().optRate(config.dropout()).build());
    }
    net.add(Linear.builder().setUnits(config.outputs()).build());
    return net;
  }

  private static Block branch(BioNetConfig config, int input) {
    SequentialBlock branch = new SequentialBlock();
    branch.add(LambdaBlock.singleton(x -> pick(x, input), "input" + input));
    int[] channels = config.branchChannels();
    int[] kernels = config.kernelSizes();
    for (int layer = 0; layer < channels.length; layer++) {
      branch.add(Conv1d.builder()
          .setKernelShape(new Shape(kernels[layer]))
          .optPadding(new Shape(kernels[layer] / 2))
          .setFilters(channels[layer])
          .optBias(false)
          .build());
      branch.add(BatchNorm.builder().optEpsilon(BATCH_NORM_EPSILON).build());
      branch.add(Activation.reluBlock());
      if (config.poolSize() > 1) {
        branch.add(Pool.maxPool1dBlock(new Shape(config.poolSize())));
      }
    }
    branch.add(Blocks.batchFlattenBlock());
    return branch;
  }

  private static NDArray pick(NDArray windows, int input) {
    return windows.get(new NDIndex().addAllDim().addSliceDim(input, input + 1));
  }
}
