package dev.mimik.learn.train;

import java.util.stream.IntStream;

/**
 * A train/validation split for time series of overlapping windows: validation is a few contiguous blocks spread
 * evenly over the recording, and training leaves out {@code gapFrames} frames on each side of every block, so that no
 * training window shares samples with a validation window (a random split would leak neighbouring, nearly identical
 * windows into validation).
 *
 * @param validationFraction share of frames in validation blocks
 * @param blocks number of validation blocks
 * @param gapFrames frames left unused on each side of each block (the window length in frames)
 */
public record TimeBlockedSplit(double validationFraction, int blocks, int gapFrames) {

  /** Frame indices for training and for validation, both in time order. */
  public record Split(int[] train, int[] validation) {}

  /** Splits {@code frames} consecutive frames. */
  public Split split(int frames) {
    int blockLength = (int) Math.max(1, Math.round(frames * validationFraction / blocks));
    boolean[] validation = new boolean[frames];
    boolean[] excluded = new boolean[frames];
    for (int b = 0; b < blocks; b++) {
      int start = (int) Math.round((b + 0.5) * frames / blocks - blockLength / 2.0);
      start = Math.max(0, Math.min(frames - blockLength, start));
      for (int f = Math.max(0, start - gapFrames); f < Math.min(frames, start + blockLength + gapFrames); f++) {
        excluded[f] = true;
      }
      for (int f = start; f < start + blockLength; f++) {
        validation[f] = true;
      }
    }
    int[] train = IntStream.range(0, frames).filter(f -> !excluded[f]).toArray();
    int[] val = IntStream.range(0, frames).filter(f -> validation[f]).toArray();
    if (train.length == 0 || val.length == 0) {
      throw new IllegalArgumentException(frames + " frames are too few for " + blocks
          + " validation blocks with a gap of " + gapFrames + " frames");
    }
    return new Split(train, val);
  }
}
