package dev.mimik.learn.ego;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An {@link EgoNet} with the domain discriminator of REFA §7.2 (Ganin et al.'s domain-adversarial training) on its
 * image features, behind a gradient reversal layer: the forward pass is the identity, the backward pass multiplies
 * the gradient by {@code -lambda}, so the discriminator learns to tell real from synthetic frames while the
 * encoders learn features it cannot tell apart. Output: the network's output and one domain logit per frame
 * (positive: real). Used for training only; the model keeps the {@link EgoNet} alone.
 */
final class DomainAdversary extends AbstractBlock {

  private final EgoNet net;
  private final Block discriminator;
  private double lambda;

  DomainAdversary(EgoNet net) {
    this.net = addChildBlock("net", net);
    this.discriminator = addChildBlock("discriminator", EgoNet.mlp(net.config().discriminatorHidden(), 1));
  }

  EgoNet net() {
    return net;
  }

  /** The gradient reversal's weight from now on. */
  void setLambda(double lambda) {
    this.lambda = lambda;
  }

  /** {@code x} forward, {@code -lambda} times its gradient backward. */
  static NDArray reverseGradient(NDArray x, double lambda) {
    NDArray d = x.stopGradient();
    return d.add(x.sub(d).mul(-lambda));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList out = net.forward(store, inputs, training, params);
    NDArray reversed = reverseGradient(out.get(1), lambda);
    NDArray logit = discriminator.forward(store, new NDList(reversed), training, params).singletonOrThrow();
    return new NDList(out.get(0), logit.reshape(-1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long batch = inputShapes[0].get(0);
    return new Shape[] {new Shape(batch, EgoOutputs.SIZE), new Shape(batch)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    net.initialize(manager, dataType, inputShapes);
    discriminator.initialize(manager, dataType, new Shape(1, net.features()));
  }
}
