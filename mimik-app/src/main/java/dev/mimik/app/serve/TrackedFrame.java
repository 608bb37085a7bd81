package dev.mimik.app.serve;

import java.util.List;
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
 * @param headset the headset camera views the frame was tracked from, or null on the other paths
 */
public record TrackedFrame(double t, double[][] landmarks, double[] blendshapes, double leftClosed,
    double rightClosed, double latencyMs, Map<String, Double> stageMs, HeadsetViews headset) {

  /**
   * One headset camera's image of the frame, as the viewer shows it.
   *
   * @param camera the camera's name (its folder in the recording)
   * @param png the image as the recording stores it, an 8-bit gray PNG
   * @param failed whether the failure check found this view wrong
   */
  public record CameraImage(String camera, byte[] png, boolean failed) {}

  /**
   * The views of a frame tracked from headset cameras.
   *
   * @param images one per camera, in the network's view order
   * @param problem what the failure check found ({@code "left eye dark"}, {@code "headset off"}), or null
   */
  public record HeadsetViews(List<CameraImage> images, String problem) {

    public HeadsetViews {
      images = List.copyOf(images);
    }
  }

  /** A frame of a path without headset views. */
  public TrackedFrame(double t, double[][] landmarks, double[] blendshapes, double leftClosed, double rightClosed,
      double latencyMs, Map<String, Double> stageMs) {
    this(t, landmarks, blendshapes, leftClosed, rightClosed, latencyMs, stageMs, null);
  }

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
