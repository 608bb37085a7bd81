package dev.mimik.learn.eifer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Huber loss, mean over every element: {@code d^2 / 2} for {@code |d| <= delta}, {@code delta (|d| - delta / 2)}
 * beyond. Squared error near the target, absolute error far from it, so that a few targets no input explains (an
 * electrode pop in a recorded envelope) pull a network much less than under squared error. DJL has L1 and L2 but
 * not this one.
 */
final class HuberLoss extends Loss {

  private final float delta;

  HuberLoss(double delta) {
    super("HuberLoss");
    if (!(delta > 0)) {
      throw new IllegalArgumentException("delta must be positive: " + delta);
    }
    this.delta = (float) delta;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray d = predictions.singletonOrThrow().sub(labels.singletonOrThrow()).abs();
    NDArray near = d.square().mul(0.5f);
    NDArray far = d.sub(delta / 2).mul(delta);
    return NDArrays.where(d.lte(delta), near, far).mean();
  }
}
