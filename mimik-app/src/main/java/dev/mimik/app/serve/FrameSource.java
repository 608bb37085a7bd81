package dev.mimik.app.serve;

/**
 * Where tracked frames come from: the live tracker, or a replay of frames already tracked. The server starts it
 * once, receives its frames on the listener (from the source's own thread), and stops it on shutdown.
 */
public interface FrameSource extends AutoCloseable {

  /** Receives what a source produces. Called from the source's thread; must not block for long. */
  interface Listener {
    /** A new frame. */
    void onFrame(TrackedFrame frame);

    /** The source has no more frames (a replay reached its end, the input stopped); {@code why} is one line. */
    default void onEnd(String why) {}
  }

  /** Starts producing frames on a thread of the source's own; returns at once. */
  void start(Listener listener);

  /** Stops producing frames and releases the source's thread; safe to call more than once. */
  void stop();

  /** One line saying what this source plays, for logs and {@code /health}. */
  String describe();

  @Override
  default void close() {
    stop();
  }
}
