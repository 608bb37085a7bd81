package dev.mimik.app.serve;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A frame source for load tests: synthetic frames (53 landmarks, 52 blendshapes, the size of a tracked frame) at a
 * fixed rate from {@link #go()} on, remembering when each left, so that a receiver can tell each frame's delivery
 * latency from its time {@code t = index / fps}.
 */
public final class PacedFrameSource implements FrameSource {

  private final double fps;
  private final long[] pushedAt;
  private final CountDownLatch go = new CountDownLatch(1);
  private Thread thread;

  /** {@code frames} frames at {@code fps}. */
  public PacedFrameSource(int frames, double fps) {
    this.fps = fps;
    this.pushedAt = new long[frames];
  }

  /** Releases the frames (the source waits after {@link #start} until then). */
  public void go() {
    go.countDown();
  }

  /** Frames this source sends in all. */
  public int frames() {
    return pushedAt.length;
  }

  public double fps() {
    return fps;
  }

  /** {@link System#nanoTime} when frame {@code index} left, 0 if it has not. */
  public long pushedAtNanos(int index) {
    return pushedAt[index];
  }

  @Override
  public void start(Listener listener) {
    thread = new Thread(() -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        return;
      }
      double[] w = new double[TrackedFrame.BLENDSHAPES];
      double[][] landmarks = new double[53][2];
      long t0 = System.nanoTime();
      for (int f = 0; f < pushedAt.length && !Thread.currentThread().isInterrupted(); f++) {
        long due = t0 + (long) (f / fps * 1e9);
        while (System.nanoTime() < due) {
          LockSupport.parkNanos(due - System.nanoTime());
        }
        Arrays.fill(w, (f % 30) / 30.0);
        for (double[] p : landmarks) {
          p[0] = 100 + f % 7;
          p[1] = 200 - f % 5;
        }
        pushedAt[f] = System.nanoTime();
        listener.onFrame(new TrackedFrame(f / fps, landmarks, w, 0, 0, 0, Map.of()));
      }
      listener.onEnd("paced source done");
    }, "mimik-paced-source");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public String describe() {
    return "synthetic frames at " + fps + " fps";
  }
}
