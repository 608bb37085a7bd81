package dev.mimik.learn.ego;

/**
 * How {@link EgoTrainer} trains (REFA §7.2).
 *
 * @param epochs epochs; a checkpoint is written after each
 * @param stepsPerEpoch mini-batches per epoch
 * @param batchPerDomain frames of each domain per mini-batch (real and synthetic in equal numbers)
 * @param learningRate Adam's learning rate
 * @param adversarialWeight the gradient reversal's weight once ramped up (Ganin et al.'s schedule, from 0); 0
 *     trains without the domain discriminator
 * @param shiftPixels the largest random shift of a view (augmentation), pixels of the network's image
 * @param seed seed of the initial weights, the mini-batches and the augmentation
 * @param showProgress print one line per epoch on stderr
 */
public record EgoTrainingOptions(int epochs, int stepsPerEpoch, int batchPerDomain, double learningRate,
    double adversarialWeight, int shiftPixels, long seed, boolean showProgress) {

  public EgoTrainingOptions {
    if (epochs < 1 || stepsPerEpoch < 1 || batchPerDomain < 1 || !(learningRate > 0) || adversarialWeight < 0
        || shiftPixels < 0) {
      throw new IllegalArgumentException("epochs, steps, batch and learning rate must be positive, the adversarial"
          + " weight and shift not negative");
    }
  }

  /**
   * The defaults: 8 epochs of 100 steps of 32 + 32 frames, Adam 5e-3, reversal weight 0.3, shifts of 2 pixels. At
   * 2e-3 the same steps fitted the mouth shapes of the training frames far worse (docs/notes/ego.md).
   */
  public static EgoTrainingOptions defaults() {
    return new EgoTrainingOptions(8, 100, 32, 5e-3, 0.3, 2, 1, false);
  }

  public EgoTrainingOptions withSeed(long s) {
    return new EgoTrainingOptions(epochs, stepsPerEpoch, batchPerDomain, learningRate, adversarialWeight,
        shiftPixels, s, showProgress);
  }

  public EgoTrainingOptions withEpochs(int e, int steps) {
    return new EgoTrainingOptions(e, steps, batchPerDomain, learningRate, adversarialWeight, shiftPixels, seed,
        showProgress);
  }

  public EgoTrainingOptions withBatch(int perDomain) {
    return new EgoTrainingOptions(epochs, stepsPerEpoch, perDomain, learningRate, adversarialWeight, shiftPixels,
        seed, showProgress);
  }

  public EgoTrainingOptions withAdversarialWeight(double w) {
    return new EgoTrainingOptions(epochs, stepsPerEpoch, batchPerDomain, learningRate, w, shiftPixels, seed,
        showProgress);
  }

  public EgoTrainingOptions withProgress(boolean show) {
    return new EgoTrainingOptions(epochs, stepsPerEpoch, batchPerDomain, learningRate, adversarialWeight,
        shiftPixels, seed, show);
  }
}
