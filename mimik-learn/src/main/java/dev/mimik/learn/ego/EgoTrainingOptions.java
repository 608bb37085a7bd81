package dev.mimik.learn.ego;

import java.util.random.RandomGenerator;

/**
 * How {@link EgoTrainer} trains (REFA §7.2).
 *
 * @param epochs epochs; a checkpoint is written after each
 * @param stepsPerEpoch mini-batches per epoch
 * @param batchPerDomain frames of each domain per mini-batch (real and synthetic in equal numbers)
 * @param learningRate Adam's learning rate
 * @param adversarialWeight the gradient reversal's weight once ramped up (Ganin et al.'s schedule, from 0); 0
 *     trains without the domain discriminator
 * @param augmentation how each training view is disturbed
 * @param seed seed of the initial weights, the mini-batches and the augmentation
 * @param showProgress print one line per epoch on stderr
 */
public record EgoTrainingOptions(int epochs, int stepsPerEpoch, int batchPerDomain, double learningRate,
    double adversarialWeight, Augmentation augmentation, long seed, boolean showProgress) {

  public EgoTrainingOptions {
    if (epochs < 1 || stepsPerEpoch < 1 || batchPerDomain < 1 || !(learningRate > 0) || adversarialWeight < 0) {
      throw new IllegalArgumentException("epochs, steps, batch and learning rate must be positive, the adversarial"
          + " weight not negative");
    }
  }

  /**
   * The ranges each training view's {@link ViewImages.Jitter} is drawn from, independently per view and frame: the
   * standard cure for a model that must carry over to subjects it never saw from few it did.
   *
   * @param shiftPixels the largest shift, pixels of the network's image (uniform in {@code [-shift, shift]} per axis)
   * @param scale the largest relative change of size (log-uniform in {@code [1 / (1 + scale), 1 + scale]})
   * @param rotationDegrees the largest turn (uniform)
   * @param gamma the largest gamma (log-uniform in {@code [1 / gamma, gamma]}, so at least 1)
   * @param noise the largest noise, standard deviations of the standardised view (uniform in {@code [0, noise]})
   */
  public record Augmentation(double shiftPixels, double scale, double rotationDegrees, double gamma, double noise) {

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, 0, 0, 1, 0);

    public Augmentation {
      if (!(shiftPixels >= 0) || !(scale >= 0) || !(rotationDegrees >= 0) || !(gamma >= 1) || !(noise >= 0)) {
        throw new IllegalArgumentException("augmentation ranges must not be negative and gamma at least 1");
      }
    }

    /** Only shifts of up to {@code pixels}. */
    public static Augmentation shifts(double pixels) {
      return new Augmentation(pixels, 0, 0, 1, 0);
    }

    /** One view's jitter, drawn from these ranges. */
    public ViewImages.Jitter draw(RandomGenerator random) {
      if (equals(NONE)) {
        return ViewImages.Jitter.NONE;
      }
      return new ViewImages.Jitter(symmetric(random, shiftPixels), symmetric(random, shiftPixels),
          Math.exp(symmetric(random, Math.log1p(scale))), Math.toRadians(symmetric(random, rotationDegrees)),
          Math.exp(symmetric(random, Math.log(gamma))), noise * random.nextDouble());
    }

    private static double symmetric(RandomGenerator random, double half) {
      return half == 0 ? 0 : (2 * random.nextDouble() - 1) * half;
    }
  }

  /**
   * The defaults: 8 epochs of 100 steps of 32 + 32 frames, Adam 5e-3, no domain discriminator, the default
   * augmentation. At 2e-3 the same steps fitted the mouth shapes of the training frames far worse; with the
   * reversal on (weight 0.3, even 0.03) the runs a CPU affords never fitted their training frames and gave a
   * still face (docs/notes/ego.md), so it is an option ({@code withAdversarialWeight}), not the default.
   */
  public static EgoTrainingOptions defaults() {
    return new EgoTrainingOptions(8, 100, 32, 5e-3, 0, DEFAULT_AUGMENTATION, 1, false);
  }

  /** The default augmentation: shifts of 2 pixels, 8 % of size, 5 degrees, gamma 1.5, noise 0.1. */
  public static final Augmentation DEFAULT_AUGMENTATION = new Augmentation(2, 0.08, 5, 1.5, 0.1);

  public EgoTrainingOptions withAugmentation(Augmentation a) {
    return new EgoTrainingOptions(epochs, stepsPerEpoch, batchPerDomain, learningRate, adversarialWeight, a, seed,
        showProgress);
  }

  public EgoTrainingOptions withSeed(long s) {
    return new EgoTrainingOptions(epochs, stepsPerEpoch, batchPerDomain, learningRate, adversarialWeight,
        augmentation, s, showProgress);
  }

  public EgoTrainingOptions withEpochs(int e, int steps) {
    return new EgoTrainingOptions(e, steps, batchPerDomain, learningRate, adversarialWeight, augmentation, seed,
        showProgress);
  }

  public EgoTrainingOptions withBatch(int perDomain) {
    return new EgoTrainingOptions(epochs, stepsPerEpoch, perDomain, learningRate, adversarialWeight, augmentation,
        seed, showProgress);
  }

  public EgoTrainingOptions withAdversarialWeight(double w) {
    return new EgoTrainingOptions(epochs, stepsPerEpoch, batchPerDomain, learningRate, w, augmentation, seed,
        showProgress);
  }

  public EgoTrainingOptions withProgress(boolean show) {
    return new EgoTrainingOptions(epochs, stepsPerEpoch, batchPerDomain, learningRate, adversarialWeight,
        augmentation, seed, show);
  }
}
