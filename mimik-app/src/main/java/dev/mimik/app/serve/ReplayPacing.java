package dev.mimik.app.serve;

import java.util.concurrent.locks.LockSupport;

/**
 * Plays a recording's frames at their own times against the wall clock, faster or slower by a speed, once or
 * looping with increasing times: what every replay source does with its frames.
 */
final class ReplayPacing {

  /** One frame played. */
  @FunctionalInterface
  interface FramePlayer {
    /**
     * @param index the frame in the recording
     * @param elapsedSeconds the recording's time since its first frame, loops added
     * @param dueNanos the {@link System#nanoTime} the frame was due
     */
    void play(int index, double elapsedSeconds, long dueNanos);
  }

  private ReplayPacing() {}

  /**
   * Plays frames at {@code times} (their first at once); looping, the next pass starts a frame step after the last
   * frame. Returns true when the recording ended, false when the thread was interrupted.
   */
  static boolean run(double[] times, double speed, boolean loop, FramePlayer player) {
    int n = times.length;
    double step = n > 1 ? (times[n - 1] - times[0]) / (n - 1) : 1.0 / 30;
    double span = times[n - 1] - times[0] + step;
    long t0 = System.nanoTime();
    double offset = 0;
    while (true) {
      for (int f = 0; f < n; f++) {
        double elapsed = offset + times[f] - times[0];
        long due = t0 + (long) (elapsed / speed * 1e9);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
          if (Thread.currentThread().isInterrupted()) {
            return false;
          }
        }
        if (Thread.currentThread().isInterrupted()) {
          return false;
        }
        player.play(f, elapsed, due);
      }
      if (!loop) {
        return true;
      }
      offset += span;
    }
  }
}
