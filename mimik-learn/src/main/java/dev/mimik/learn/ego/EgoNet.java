package dev.mimik.learn.ego;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * EgoNet, REFA's on-device model (§7.1) sized for a CPU: a ResNet-like encoder per kind of view (one shared by
 * both eye cameras, one by both mouth cameras, one for the glabella camera; left views come mirrored so that the
 * shared encoders see right-looking images), and a multi-branch regressor: an eye MLP shared by both eyes that
 * predicts each eye's blendshapes and gaze from that eye's features alone, and a face MLP on all five views'
 * features concatenated that predicts the rest. Keeping each eye's outputs to its own view breaks the correlation
 * of the two eyes that a single head learns from data where they mostly close together, so winks survive.
 *
 * <p>Input {@code [batch, 5, size, size]} in {@link EgoViews} order (standardised pixels, {@link ViewImages});
 * output {@code [batch, EgoOutputs.SIZE]} in {@link EgoOutputs} order, and the image features
 * {@code [batch, 5 * features]} the domain discriminator and the failure detector read.
 */
public final class EgoNet extends AbstractBlock {

  private static final byte VERSION = 1;
  /** Slope of the MLPs' hidden units below zero. */
  private static final float LEAK = 0.1f;

  private final EgoNetConfig config;
  private final Block eyeEncoder;
  private final Block mouthEncoder;
  private final Block glabellaEncoder;
  private final Block eyeHead;
  private final Block faceHead;

  /** The (uninitialised) network of a configuration. */
  public EgoNet(EgoNetConfig config) {
    super(VERSION);
    this.config = config;
    eyeEncoder = addChildBlock("eyeEncoder", encoder(config));
    mouthEncoder = addChildBlock("mouthEncoder", encoder(config));
    glabellaEncoder = addChildBlock("glabellaEncoder", encoder(config));
    if (config.eyeBranch()) {
      eyeHead = addChildBlock("eyeHead", mlp(config.eyeHidden(), EgoOutputs.PER_EYE));
      faceHead = addChildBlock("faceHead", mlp(config.faceHidden(), EgoOutputs.FACE_SHAPES.size()));
    } else {
      eyeHead = null;
      faceHead = addChildBlock("faceHead", mlp(config.faceHidden(), EgoOutputs.SIZE));
    }
  }

  /** Its configuration. */
  public EgoNetConfig config() {
    return config;
  }

  /** The shape of a batch of frames. */
  public static Shape inputShape(EgoNetConfig config, int batch) {
    return new Shape(batch, EgoViews.COUNT, config.imageSize(), config.imageSize());
  }

  /** Features of all views of a frame. */
  public int features() {
    return EgoViews.COUNT * config.featuresPerView();
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long batch = x.getShape().get(0);
    int s = config.imageSize();
    int f = config.featuresPerView();
    NDArray eyes = encode(store, eyeEncoder, x.get(new NDIndex(":, 0:2")).reshape(batch * 2, 1, s, s), training)
        .reshape(batch, 2 * f);
    NDArray mouths = encode(store, mouthEncoder, x.get(new NDIndex(":, 2:4")).reshape(batch * 2, 1, s, s), training)
        .reshape(batch, 2 * f);
    NDArray glabella = encode(store, glabellaEncoder, x.get(new NDIndex(":, 4:5")), training);
    NDArray features = NDArrays.concat(new NDList(eyes, mouths, glabella), 1);
    NDArray out;
    if (eyeHead != null) {
      NDArray perEye = eyeHead.forward(store, new NDList(eyes.reshape(batch * 2, f)), training, params)
          .singletonOrThrow().reshape(batch, 2L * EgoOutputs.PER_EYE);
      NDArray face = faceHead.forward(store, new NDList(features), training, params).singletonOrThrow();
      out = perEye.concat(face, 1);
    } else {
      out = faceHead.forward(store, new NDList(features), training, params).singletonOrThrow();
    }
    return new NDList(out, features);
  }

  private static NDArray encode(ParameterStore store, Block encoder, NDArray views, boolean training) {
    return encoder.forward(store, new NDList(views), training).singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long batch = inputShapes[0].get(0);
    return new Shape[] {new Shape(batch, EgoOutputs.SIZE), new Shape(batch, features())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    int s = config.imageSize();
    int f = config.featuresPerView();
    Shape view = new Shape(2, 1, s, s);
    eyeEncoder.initialize(manager, dataType, view);
    mouthEncoder.initialize(manager, dataType, view);
    glabellaEncoder.initialize(manager, dataType, new Shape(1, 1, s, s));
    if (eyeHead != null) {
      eyeHead.initialize(manager, dataType, new Shape(2, f));
    }
    faceHead.initialize(manager, dataType, new Shape(1, features()));
  }

  /**
   * One view's encoder: per stage a 3x3 convolution of stride 2 (batch norm, ReLU) followed, from the second stage
   * on, by a residual block of two 3x3 convolutions (the first stage is the stem, as in ResNet: on a CPU a residual
   * block at the largest resolution would cost most of the network's time), then the channels averaged over the
   * image.
   */
  static Block encoder(EgoNetConfig config) {
    SequentialBlock net = new SequentialBlock();
    int[] widths = config.widths();
    for (int stage = 0; stage < widths.length; stage++) {
      net.add(conv(widths[stage], 2));
      net.add(BatchNorm.builder().build());
      net.add(Activation.reluBlock());
      if (stage > 0 || widths.length == 1) {
        net.add(residual(widths[stage]));
      }
    }
    net.add(Pool.globalAvgPool2dBlock());
    net.add(Blocks.batchFlattenBlock());
    return net;
  }

  private static Block residual(int width) {
    SequentialBlock path = new SequentialBlock()
        .add(conv(width, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
        .add(conv(width, 1)).add(BatchNorm.builder().build());
    ParallelBlock sum = new ParallelBlock(
        lists -> new NDList(lists.get(0).singletonOrThrow().add(lists.get(1).singletonOrThrow())),
        List.of(path, Blocks.identityBlock()));
    return new SequentialBlock().add(sum).add(Activation.reluBlock());
  }

  /**
   * A 3x3 convolution. It keeps its bias although a batch norm follows: on DJL 0.35.1 / PyTorch 2.7.1 (CPU) the
   * gradient of a convolution built without one now and then came back NaN (a few runs in a hundred), which
   * poisoned the whole encoder.
   */
  private static Block conv(int filters, int stride) {
    return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
        .optPadding(new Shape(1, 1)).setFilters(filters).build();
  }

  /**
   * A one-hidden-layer MLP. Its hidden units are leaky: the encoders' features are all positive (averages of
   * rectified maps), and with plain ReLUs the first steps of training with an L1 loss, which push every output
   * towards the labels' mostly-zero median, left the face MLP's units all dead and its outputs constant.
   */
  static Block mlp(int hidden, int outputs) {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(hidden).build())
        .add(Activation.leakyReluBlock(LEAK))
        .add(Linear.builder().setUnits(outputs).build());
  }
}
