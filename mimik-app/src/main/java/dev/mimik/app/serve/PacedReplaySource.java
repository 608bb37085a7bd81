package dev.mimik.app.serve;

/**
 * A source that plays a recording on its own daemon thread, paced by {@link ReplayPacing} at {@code speed} times
 * real time, once or looping: the thread's start and stop that every replay source shares.
 */
abstract class PacedReplaySource implements FrameSource {

  protected final double speed;
  protected final boolean loop;
  private final String threadName;
  private Thread thread;

  /**
   * @param speed playback rate, 1 = real time; must be positive
   * @param loop start again from the first frame after the last
   * @param threadName the playing thread's name
   */
  PacedReplaySource(double speed, boolean loop, String threadName) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, not " + speed);
    }
    this.speed = speed;
    this.loop = loop;
    this.threadName = threadName;
  }

  @Override
  public final synchronized void start(Listener listener) {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(() -> play(listener), threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Plays the recording to {@code listener}, on the source's thread; returns when it ends or is interrupted. */
  protected abstract void play(Listener listener);

  /** Interrupts the playing thread and waits up to 2 s for it; returns whether it has ended (or never ran). */
  protected final synchronized boolean stopPlaying() {
    Thread t = thread;
    if (t == null) {
      return true;
    }
    t.interrupt();
    try {
      t.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !t.isAlive();
  }
}
