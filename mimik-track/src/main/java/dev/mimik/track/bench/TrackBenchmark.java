package dev.mimik.track.bench;

import dev.mimik.face.eyes.Eye;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.learn.engine.TorchEngine;
import dev.mimik.track.Frame;
import dev.mimik.track.RecordingTracker;
import dev.mimik.track.StageTimings;
import dev.mimik.track.TrackingPipeline;
import dev.mimik.track.TrackingRecipe;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The live cost of the whole causal pipeline ({@code mimik bench track}): a recording's samples pushed into the
 * pipeline that {@code mimik serve} runs, one video frame's worth at a time as a live stream delivers them, each
 * stage timed on each frame, with the engine's intra-op threads set as asked.
 */
public final class TrackBenchmark {

  /**
   * One timed run.
   *
   * @param threads the engine's intra-op threads
   * @param cpuClock whether the stages were timed by the tracking thread's CPU time (else by the wall clock)
   * @param timings each stage's time on each timed frame
   * @param framesPerSecond frames through the whole pipeline per second of wall clock, sample copies included
   * @param framesPerCpuSecond frames per second of the pushing thread's CPU time: the figure a busy machine does
   *     not disturb (with one intra-op thread the network runs on that thread too)
   * @param frames every frame that left the pipeline (warm-up included)
   */
  public record Result(int threads, boolean cpuClock, StageTimings timings, double framesPerSecond, double framesPerCpuSecond,
      List<Frame> frames) {}

  private final TrackingModel model;
  private final FaceRig rig;
  private final int warmup;

  /**
   * @param rig the face to fit, or null to leave the fit out
   * @param warmup frames run before timing starts
   */
  public TrackBenchmark(TrackingModel model, FaceRig rig, int warmup) {
    this.model = model;
    this.rig = rig;
    this.warmup = warmup;
  }

  /**
   * Runs the causal pipeline on {@code raw} (the model's channels, {@code [channel][sample]}, first sample at
   * {@code startSeconds}) with {@code threads} intra-op threads, its stages timed by the thread's CPU time if
   * {@code cpuClock}, else by the wall clock.
   */
  public Result run(double[][] raw, double startSeconds, int threads, boolean cpuClock) {
    TorchEngine.setThreads(threads);
    FrontEnd fe = model.frontEnd();
    TrackingPipeline pipeline = TrackingRecipe.causal().build(model, rig, startSeconds, null);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    if (cpuClock) {
      pipeline.timeStagesBy(cpu::getCurrentThreadCpuTime);
    }
    int block = RecordingTracker.blockSamples(fe);
    int n = raw[0].length;
    List<Frame> all = new ArrayList<>();
    List<Frame> timed = new ArrayList<>();
    long loopStart = 0;
    long cpuStart = 0;
    for (int from = 0; from < n; from += block) {
      int to = Math.min(n, from + block);
      if (all.size() >= warmup && loopStart == 0) {
        loopStart = System.nanoTime();
        cpuStart = cpu.getCurrentThreadCpuTime();
      }
      double[][] chunk = new double[raw.length][];
      for (int c = 0; c < raw.length; c++) {
        chunk[c] = Arrays.copyOfRange(raw[c], from, to);
      }
      List<Frame> out = pipeline.push(chunk);
      (loopStart == 0 ? all : timed).addAll(out);
    }
    double wall = (System.nanoTime() - loopStart) / 1e9;
    double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    int count = (int) timed.stream().filter(Frame::tracked).count();
    all.addAll(timed);
    all.addAll(pipeline.finish());
    return new Result(threads, cpuClock, StageTimings.of(pipeline.stageNames(), timed), count / wall, count / cpuSeconds, all);
  }

  /** The result as a table: mean and percentiles per stage and in total, and the throughput. */
  public static String table(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%d pytorch thread(s): %d frames timed, stages by the %s%n", r.threads(),
        r.timings().frames(), r.cpuClock() ? "tracking thread's CPU time" : "wall clock"));
    b.append("stage             mean ms    p50 ms    p95 ms    p99 ms    max ms\n");
    List<String> names = new ArrayList<>(r.timings().stages());
    names.add("total");
    List<StageTimings.Summary> summaries = r.timings().summaries();
    for (int s = 0; s < names.size(); s++) {
      StageTimings.Summary x = summaries.get(s);
      b.append(String.format(Locale.ROOT, "%-15s %9.3f %9.3f %9.3f %9.3f %9.3f%n", names.get(s), x.mean(), x.p50(),
          x.p95(), x.p99(), x.max()));
    }
    StageTimings.Summary total = summaries.get(summaries.size() - 1);
    b.append(String.format(Locale.ROOT, "throughput %.0f frames/s (wall clock, sample copies included), %.0f frames"
        + " per CPU second of the tracking thread; total p99 %.2f ms (%s)%n", r.framesPerSecond(), r.framesPerCpuSecond(),
        total.p99(), r.cpuClock() ? "CPU" : "wall"));
    return b.toString();
  }

  /** Each tracked frame's closure of the left eye, as the live viewer shows it. */
  public static double[] leftClosure(List<Frame> frames) {
    return frames.stream().filter(Frame::tracked).mapToDouble(f -> f.eyes()[Eye.LEFT.ordinal()].closure())
        .toArray();
  }
}
