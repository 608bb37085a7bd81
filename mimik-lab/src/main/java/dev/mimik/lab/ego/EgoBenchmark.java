package dev.mimik.lab.ego;

import dev.mimik.learn.ego.EgoModel;
import dev.mimik.track.StageTimings;
import dev.mimik.track.TrackingPipeline;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Inference speed of the headset path ({@code mimik bench ego}): a recording's five views per frame, decoded
 * beforehand, pushed one frame at a time through the shared pipeline ({@link EgoTrack#pipeline}) on the calling
 * thread, as live tracking pushes them; the recording is replayed from its start as often as the frame count asks,
 * on one pipeline with times that keep increasing. Each frame's CPU time of the thread is what counts on a busy
 * machine; its wall time is kept beside it.
 *
 * @param cpuMillis per timed frame the thread's CPU time, milliseconds
 * @param wallMillis per timed frame the wall-clock time, milliseconds
 */
public record EgoBenchmark(double[] cpuMillis, double[] wallMillis) {

  /**
   * Times {@code frames} frames after {@code warmup} untimed ones.
   *
   * @param views the recording's frames, each {@link dev.mimik.learn.ego.ViewImages#frame} at the model's size
   * @param times their times, seconds, increasing
   */
  public static EgoBenchmark run(EgoModel model, byte[][] views, double[] times, int frames, int warmup) {
    if (frames < 1 || warmup < 0 || views.length == 0 || views.length != times.length) {
      throw new IllegalArgumentException("need at least one frame to time, views with their times, no negative"
          + " warm-up");
    }
    TrackingPipeline pipeline = EgoTrack.pipeline(model);
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    double span = times[times.length - 1] - times[0] + (times.length > 1
        ? (times[times.length - 1] - times[0]) / (times.length - 1) : 1.0 / 30);
    double[] cpu = new double[frames];
    double[] wall = new double[frames];
    for (int i = 0; i < warmup + frames; i++) {
      int f = i % views.length;
      double t = times[f] - times[0] + (i / views.length) * span;
      long c0 = bean.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      pipeline.pushViews(t, views[f]);
      if (i >= warmup) {
        wall[i - warmup] = (System.nanoTime() - w0) / 1e6;
        cpu[i - warmup] = (bean.getCurrentThreadCpuTime() - c0) / 1e6;
      }
    }
    pipeline.finish();
    return new EgoBenchmark(cpu, wall);
  }

  /** The CPU times' summary. */
  public StageTimings.Summary cpu() {
    return StageTimings.summarise(cpuMillis);
  }

  /** The wall times' summary. */
  public StageTimings.Summary wall() {
    return StageTimings.summarise(wallMillis);
  }

  /** Frames per CPU second of the thread. */
  public double framesPerCpuSecond() {
    return 1000 / cpu().mean();
  }
}
