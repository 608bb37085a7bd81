package dev.mimik.learn;

import dev.mimik.core.data.LandmarkSet;

/**
 * Anything that maps biosignal windows to landmark coordinates: the BioNet model and the ridge baseline, so that
 * tracking and evaluation treat both the same way.
 */
public interface LandmarkRegressor {

  /** The landmark set of the outputs. */
  LandmarkSet landmarkSet();

  /**
   * Landmark coordinates {@code [frame][x0, y0, x1, y1, ...]} (aligned coordinates, the units of the training
   * targets) for windows {@code [frame][input][sample]}. Works for any number of frames, one included.
   */
  float[][] predict(float[][][] windows);

  /** The landmark coordinates for one window {@code [input][sample]}. */
  default float[] predictFrame(float[][] window) {
    return predict(new float[][][] {window})[0];
  }
}
