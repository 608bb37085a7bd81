package dev.mimik.app.serve;

import java.util.Map;

/** A frame source the test drives by hand: frames leave exactly when the test pushes them. */
final class ManualSource implements FrameSource {

  private volatile Listener listener;

  @Override
  public void start(Listener l) {
    listener = l;
  }

  @Override
  public void stop() {
    listener = null;
  }

  @Override
  public String describe() {
    return "frames pushed by a test";
  }

  void push(double t, double[] weights) {
    listener.onFrame(new TrackedFrame(t, new double[][] {{100 + t, 200}, {150, 220 - t}}, weights, 0, 0, 1.0,
        Map.of()));
  }

  /** A frame carrying {@code points} landmarks (about 20 bytes of JSON each), to fill a viewer's socket. */
  void pushLarge(double t, int points) {
    double[][] landmarks = new double[points][];
    for (int i = 0; i < points; i++) {
      landmarks[i] = new double[] {i + 0.1234, t + 0.5678};
    }
    listener.onFrame(new TrackedFrame(t, landmarks, new double[52], 0, 0, 1.0, Map.of()));
  }

  void end(String why) {
    listener.onEnd(why);
  }
}
