package dev.mimik.learn.train;

/**
 * How to train BioNet: passes over the data, batch size, Adam's learning rate, early stopping, the validation split
 * and the seed of every random choice (initial weights, shuffling, dropout). Validated once here.
 *
 * @param epochs maximum passes over the training frames
 * @param batchSize windows per optimiser step
 * @param learningRate Adam's learning rate
 * @param patience stop after this many epochs without a better validation NME (0: never stop early)
 * @param seed seed of all randomness; the same seed gives the same model on CPU
 * @param validationFraction share of frames held out for validation, in [0, 0.5]
 * @param validationBlocks number of contiguous validation blocks spread over the recording
 * @param gapFrames frames dropped from training on each side of a validation block; set it to the window length in
 *     frames so that no training window overlaps a validation window
 * @param showProgress draw a progress bar (on a terminal) or print one line per epoch (otherwise) on stderr
 * @param gainJitter standard deviation of the log gain drawn per training window and channel
 *     ({@link InputLayout}): augmentation for an earpiece put on afresh, whose leads' gains change; 0 for none
 */
public record TrainingOptions(
    int epochs,
    int batchSize,
    float learningRate,
    int patience,
    long seed,
    double validationFraction,
    int validationBlocks,
    int gapFrames,
    boolean showProgress,
    double gainJitter) {

  /** Validates every field. */
  public TrainingOptions {
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || patience < 0) {
      throw new IllegalArgumentException("epochs, batch size and learning rate must be positive, patience not negative");
    }
    if (!(validationFraction > 0 && validationFraction <= 0.5) || validationBlocks < 1 || gapFrames < 0) {
      throw new IllegalArgumentException("validation fraction must be in (0, 0.5], blocks positive, gap not negative");
    }
    if (!(gainJitter >= 0) || Double.isInfinite(gainJitter)) {
      throw new IllegalArgumentException("gain jitter must be finite and not negative: " + gainJitter);
    }
  }

  /** Options without augmentation. */
  public TrainingOptions(int epochs, int batchSize, float learningRate, int patience, long seed,
      double validationFraction, int validationBlocks, int gapFrames, boolean showProgress) {
    this(epochs, batchSize, learningRate, patience, seed, validationFraction, validationBlocks, gapFrames,
        showProgress, 0);
  }

  /** These options with another gain jitter (0: none). */
  public TrainingOptions withGainJitter(double sd) {
    return new TrainingOptions(epochs, batchSize, learningRate, patience, seed, validationFraction, validationBlocks,
        gapFrames, showProgress, sd);
  }

  /** Defaults for a model trained from scratch: 60 epochs, batch 64, learning rate 1e-3, patience 8, seed 42. */
  public static TrainingOptions defaults() {
    return new TrainingOptions(60, 64, 1e-3f, 8, 42, 0.2, 5, 0, true);
  }

  /** Defaults for fine-tuning an existing model: 15 epochs at learning rate 1e-4, patience 4. */
  public static TrainingOptions fineTuning() {
    return new TrainingOptions(15, 64, 1e-4f, 4, 42, 0.2, 5, 0, true);
  }

  /** These options with another number of epochs. */
  public TrainingOptions withEpochs(int e) {
    return new TrainingOptions(e, batchSize, learningRate, patience, seed, validationFraction, validationBlocks, gapFrames, showProgress, gainJitter);
  }

  /** These options with another learning rate. */
  public TrainingOptions withLearningRate(float lr) {
    return new TrainingOptions(epochs, batchSize, lr, patience, seed, validationFraction, validationBlocks, gapFrames, showProgress, gainJitter);
  }

  /** These options with another seed. */
  public TrainingOptions withSeed(long s) {
    return new TrainingOptions(epochs, batchSize, learningRate, patience, s, validationFraction, validationBlocks, gapFrames, showProgress, gainJitter);
  }

  /** These options with another gap around validation blocks. */
  public TrainingOptions withGapFrames(int gap) {
    return new TrainingOptions(epochs, batchSize, learningRate, patience, seed, validationFraction, validationBlocks, gap, showProgress, gainJitter);
  }

  /** These options with progress output on or off. */
  public TrainingOptions withProgress(boolean show) {
    return new TrainingOptions(epochs, batchSize, learningRate, patience, seed, validationFraction, validationBlocks, gapFrames, show, gainJitter);
  }

  /** The validation split these options describe. */
  public TimeBlockedSplit split() {
    return new TimeBlockedSplit(validationFraction, validationBlocks, gapFrames);
  }
}
