package dev.mimik.learn.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.mimik.learn.bionet.Normalisation;

/**
 * Wing loss (Feng et al., CVPR 2018) for landmark regression: {@code w ln(1 + |x|/eps)} for {@code |x| < w}, else
 * {@code |x| - C} with {@code C = w - w ln(1 + w/eps)}, averaged over coordinates and batch.
 *
 * <p>Units: Feng et al. use {@code w = 10, eps = 2} in pixels of faces whose inter-ocular distance is roughly 100
 * pixels. mimik regresses Procrustes-aligned coordinates, so each coordinate error {@code x} is first converted into
 * <b>percent of the mean inter-ocular distance</b> (outer eye corners) of the training targets, where the same
 * {@code w = 10, eps = 2} mean the same thing: errors below 10% of the eye distance get the logarithmic (more
 * sensitive) treatment. The network works on normalised targets, so the conversion per coordinate is
 * {@code targetStd[c] * 100 / interOcular} (see {@link #forAlignedCoordinates}).
 */
public final class WingLoss extends Loss {

  /** Width of the logarithmic part, in loss units (percent of the inter-ocular distance). */
  public static final float DEFAULT_W = 10f;
  /** Curvature of the logarithmic part, in loss units. */
  public static final float DEFAULT_EPS = 2f;

  private final float w;
  private final float eps;
  private final double c;
  private final float[] scale;

  /**
   * A Wing loss on differences multiplied per coordinate by {@code scale} (the conversion from network units to
   * loss units).
   */
  public WingLoss(float w, float eps, float[] scale) {
    super("WingLoss");
    if (!(w > 0) || !(eps > 0)) {
      throw new IllegalArgumentException("w and eps must be positive: " + w + ", " + eps);
    }
    this.w = w;
    this.eps = eps;
    this.c = w - w * Math.log1p((double) w / eps);
    this.scale = scale.clone();
  }

  /**
   * The default Wing loss ({@code w = 10, eps = 2}) for a network trained on targets normalised by {@code norm},
   * whose aligned coordinates have the given mean inter-ocular distance.
   */
  public static WingLoss forAlignedCoordinates(Normalisation norm, double interOcular) {
    if (!(interOcular > 0)) {
      throw new IllegalArgumentException("inter-ocular distance must be positive: " + interOcular);
    }
    float[] scale = new float[norm.coordinates()];
    for (int i = 0; i < scale.length; i++) {
      scale[i] = (float) (norm.targetStd()[i] * 100 / interOcular);
    }
    return new WingLoss(DEFAULT_W, DEFAULT_EPS, scale);
  }

  /** Width of the logarithmic part, in loss units. */
  public float w() {
    return w;
  }

  /** Curvature of the logarithmic part, in loss units. */
  public float eps() {
    return eps;
  }

  /** The factor from network units to loss units of each coordinate. */
  public float[] scale() {
    return scale.clone();
  }

  /** The loss of one error in loss units (for checks). */
  public double value(double error) {
    double a = Math.abs(error);
    return a < w ? w * Math.log1p(a / eps) : a - c;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray label = labels.singletonOrThrow();
    NDArray diff = predictions.singletonOrThrow().sub(label).mul(label.getManager().create(scale)).abs();
    NDArray log = diff.div(eps).add(1).log().mul(w);
    NDArray linear = diff.sub((float) c);
    return NDArrays.where(diff.lt(w), log, linear).mean();
  }
}
