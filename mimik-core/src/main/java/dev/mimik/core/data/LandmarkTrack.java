package dev.mimik.core.data;

import java.util.Objects;

/**
 * 2D facial landmarks over time, one frame per video frame, in pixels.
 *
 * <p>Frame {@code f} holds {@code pointCount} points as {@code x0, y0, x1, y1, ...}. A frame the detector lost is
 * marked in {@code missing} (its coordinates are NaN); a single point that was not tracked is NaN within an
 * otherwise valid frame.
 *
 * @param timesSeconds frame times, strictly increasing
 * @param pointCount points per frame
 * @param frames {@code frames[f][2*i]} is x and {@code frames[f][2*i+1]} is y of point {@code i}
 * @param missing {@code missing[f]} is true for a frame without a face
 */
public record LandmarkTrack(double[] timesSeconds, int pointCount, double[][] frames, boolean[] missing) {

  public LandmarkTrack {
    Objects.requireNonNull(timesSeconds, "timesSeconds");
    Objects.requireNonNull(frames, "frames");
    Objects.requireNonNull(missing, "missing");
    if (frames.length != timesSeconds.length || missing.length != timesSeconds.length) {
      throw new IllegalArgumentException("times, frames and missing differ in length");
    }
    for (double[] frame : frames) {
      if (frame.length != 2 * pointCount) {
        throw new IllegalArgumentException("a frame has " + frame.length / 2 + " points, not " + pointCount);
      }
    }
  }

  public int frameCount() {
    return timesSeconds.length;
  }

  public double x(int frame, int point) {
    return frames[frame][2 * point];
  }

  public double y(int frame, int point) {
    return frames[frame][2 * point + 1];
  }

  /** Number of frames marked missing. */
  public int missingCount() {
    int n = 0;
    for (boolean m : missing) {
      n += m ? 1 : 0;
    }
    return n;
  }
}
