package dev.mimik.signal.sync;

import dev.mimik.core.data.LandmarkTrack;

/**
 * How much the face moves between consecutive frames: the sum over points of the squared displacement. Its
 * peaks follow muscle activity, which is what lets {@link OffsetEstimator} line it up with an EMG envelope.
 */
public final class MotionEnergy {

  private MotionEnergy() {}

  /**
   * One value per frame; the first frame, a missing frame and the frame after it are NaN. Points that are NaN
   * in either frame are skipped.
   */
  public static double[] of(LandmarkTrack track) {
    int n = track.frameCount();
    double[] e = new double[n];
    if (n > 0) {
      e[0] = Double.NaN;
    }
    for (int f = 1; f < n; f++) {
      if (track.missing()[f] || track.missing()[f - 1]) {
        e[f] = Double.NaN;
        continue;
      }
      double[] a = track.frames()[f - 1];
      double[] b = track.frames()[f];
      double s = 0;
      for (int i = 0; i < a.length; i++) {
        double d = b[i] - a[i];
        if (!Double.isNaN(d)) {
          s += d * d;
        }
      }
      e[f] = s;
    }
    return e;
  }
}
