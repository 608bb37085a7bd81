package dev.mimik.signal.segment;

/**
 * The biosignal windows cut for a sequence of video frames.
 *
 * @param windows {@code windows[frame][channel][sample]}
 * @param complete {@code complete[frame]} is false where the window reached past the signal and was padded
 */
public record FrameWindows(double[][][] windows, boolean[] complete) {

  public int frameCount() {
    return windows.length;
  }
}
