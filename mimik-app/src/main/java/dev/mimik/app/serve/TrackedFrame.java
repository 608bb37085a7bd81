package dev.mimik.app.serve;

import java.util.Map;
import java.util.Objects;

/**
 * One tracked frame as it leaves the tracker: what the viewers and avatar tools receive.
 *
 * @param t the frame's time in seconds on the recording's (or stream's) clock
 * @param landmarks {@code [point][x, y]} in pixels; empty when the source has no landmarks (blendshape replay)
 * @param blendshapes 52 weights in {@link dev.mimik.core.data.Blendshapes#ARKIT_52} order, in [0, 1]
 * @param leftClosed probability that the left eye is closed
 * @param rightClosed probability that the right eye is closed
 * @param latencyMs time from the newest sample's arrival to this frame, in milliseconds
 * @param stageMs time spent in each tracking stage for this frame, in milliseconds (may be empty)
 */
public record TrackedFrame(double t, double[][] landmarks, double[] blendshapes, double leftClosed,
    double rightClosed, double latencyMs, Map<String, Double> stageMs) {

  /** Number of ARKit blendshapes a frame carries. */
  public static final int BLENDSHAPES = 52;

  public TrackedFrame {
    Objects.requireNonNull(landmarks, "landmarks");
    Objects.requireNonNull(blendshapes, "blendshapes");
    if (blendshapes.length != BLENDSHAPES) {
      throw new IllegalArgumentException("a frame has " + BLENDSHAPES + " blendshapes, not " + blendshapes.length);
    }
    stageMs = Map.copyOf(stageMs);
  }
}
