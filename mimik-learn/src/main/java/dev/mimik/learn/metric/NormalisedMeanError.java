package dev.mimik.learn.metric;

import dev.mimik.core.data.LandmarkSet;

/**
 * Normalised mean error (NME) in percent, as BioFace-3D and the face-alignment literature report it: the mean
 * Euclidean point error of a frame divided by the ground truth's outer-eye-corner distance (iBUG 36 and 45),
 * averaged over frames, times 100.
 */
public final class NormalisedMeanError {

  private final int cornerA;
  private final int cornerB;

  /** NME for landmark arrays {@code [frame][x0, y0, x1, y1, ...]} in the order of {@code set}. */
  public NormalisedMeanError(LandmarkSet set) {
    this.cornerA = set.positionOf(LandmarkSet.OUTER_EYE_CORNER_A);
    this.cornerB = set.positionOf(LandmarkSet.OUTER_EYE_CORNER_B);
    if (cornerA < 0 || cornerB < 0) {
      throw new IllegalArgumentException(set + " lacks the outer eye corners");
    }
  }

  /** The NME of one frame, in percent. */
  public double framePercent(float[] predicted, float[] truth) {
    int points = truth.length / 2;
    double sum = 0;
    for (int p = 0; p < points; p++) {
      sum += Math.hypot(predicted[2 * p] - truth[2 * p], predicted[2 * p + 1] - truth[2 * p + 1]);
    }
    return 100 * sum / points / interOcular(truth);
  }

  /** The NME over all frames, in percent. */
  public double percent(float[][] predicted, float[][] truth) {
    if (predicted.length != truth.length || truth.length == 0) {
      throw new IllegalArgumentException("need the same positive number of frames: " + predicted.length + " vs " + truth.length);
    }
    double sum = 0;
    for (int f = 0; f < truth.length; f++) {
      sum += framePercent(predicted[f], truth[f]);
    }
    return sum / truth.length;
  }

  /** The outer-eye-corner distance of a frame. */
  public double interOcular(float[] frame) {
    return Math.hypot(frame[2 * cornerA] - frame[2 * cornerB], frame[2 * cornerA + 1] - frame[2 * cornerB + 1]);
  }
}
