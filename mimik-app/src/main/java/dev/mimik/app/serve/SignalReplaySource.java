package dev.mimik.app.serve;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a recording into a {@link LiveTracker} at real-time pace (or {@code speed} times faster), one video frame's
 * worth of samples per block, as a device would stream it and as {@code mimik track} pushes it; the tracker's frames
 * go to the server. At the end of each pass the tracker releases the frames it holds.
 */
public final class SignalReplaySource implements FrameSource {

  private final LiveTracker tracker;
  private final double[][] samples;
  private final double rate;
  private final int block;
  private final double speed;
  private final boolean loop;
  private final String name;
  private volatile Thread thread;

  /**
   * @param samples the recording's channels in the model's order, {@code [channel][sample]}
   * @param rate their sampling rate (the model's)
   * @param block samples per block, one video frame's worth ({@link dev.mimik.track.RecordingTracker#blockSamples})
   */
  public SignalReplaySource(LiveTracker tracker, double[][] samples, double rate, int block, double speed,
      boolean loop, String name) {
    this.tracker = tracker;
    this.samples = samples;
    this.rate = rate;
    this.block = block;
    this.speed = speed;
    this.loop = loop;
    this.name = name;
  }

  @Override
  public synchronized void start(Listener listener) {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    tracker.start(listener);
    thread = new Thread(() -> play(listener), "mimik-signal-replay");
    thread.setDaemon(true);
    thread.start();
  }

  private void play(Listener listener) {
    int n = samples[0].length;
    long start = System.nanoTime();
    long sent = 0;
    long sequence = 0;
    do {
      for (int from = 0; from < n && thread != null; from += block) {
        int to = Math.min(n, from + block);
        long due = start + (long) ((sent + to - from) / rate / speed * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        double[][] chunk = new double[samples.length][];
        for (int c = 0; c < chunk.length; c++) {
          chunk[c] = Arrays.copyOfRange(samples[c], from, to);
        }
        tracker.accept(sequence++, chunk);
        sent += to - from;
      }
    } while (loop && thread != null);
    if (thread != null) {
      tracker.end();
      listener.onEnd("replay of " + name + " ended");
    }
  }

  @Override
  public void stop() {
    thread = null;
    tracker.stop();
  }

  @Override
  public String describe() {
    return "replay of " + name + " through " + tracker.describe();
  }
}
