package dev.mimik.app;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.Session;
import dev.mimik.learn.bioface.SessionSignals;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.learn.train.TrainingOptions;
import dev.mimik.sim.session.GroundTruth;
import dev.mimik.track.Frame;
import dev.mimik.track.RecordingTracker;
import dev.mimik.track.StageTimings;
import dev.mimik.track.TrackedRecording;
import dev.mimik.track.TrackingRecipe;
import dev.mimik.track.bench.TrackBenchmark;
import dev.mimik.track.stage.LiveBlinks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mimik bench track}: the live per-frame cost of the whole causal pipeline ({@link TrackBenchmark}), with one and
 * with two intra-op threads. A short earpiece session is simulated and a model trained on it for a few epochs (only
 * its size matters here), or a given model times a given recording.
 */
@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description = {
      "Times the live pipeline frame by frame: filters + window, BioNet (batch 1), Kalman, eyes, rig fit.",
      "Simulates an earpiece session and trains a small model on it first (its accuracy does not matter here).",
      "",
      "With --model and --signals, times that model on that recording instead (and compares its live eyes with",
      "track's).",
      "",
      "Example: mimik bench track --minutes 1 --epochs 2",
      "         mimik bench track --model demo/models/p01.mimik --signals demo/data/p01/s02/signals.edf"
    })
final class BenchTrackCommand implements Callable<Integer> {

  /** The live pipeline's targets (issue 15). */
  static final double TARGET_FRAMES_PER_SECOND = 1000;
  static final double TARGET_P99_MS = 3;

  @Spec CommandSpec spec;

  @Option(names = "--minutes", defaultValue = "1", description = "length of the simulated session (default ${DEFAULT-VALUE})")
  double minutes;

  @Option(names = "--epochs", defaultValue = "2", description = "training epochs of the model timed (default ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--warmup", defaultValue = "60", description = "frames run before timing starts (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--no-fit", description = "leave out the rig fit")
  boolean noFit;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the simulation and training (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", defaultValue = "0",
      description = "intra-op threads of the network: 0 times 1 and then 2 (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--cpu-stages", description = "time the stages by the tracking thread's CPU time instead of the wall"
      + " clock (figures that other work on the machine does not disturb; p99 is then a CPU-time p99)")
  boolean cpuStages;

  @Option(names = "--model", description = "time this model on --signals instead of a small one on a simulated session;"
      + " with a blink detector, also compare the live eyes with track's")
  Path modelFile;

  @Option(names = "--signals", description = "the recording for --model (beside a simulator truth folder, the true"
      + " blinks are counted too)")
  Path signalsFile;

  @Override
  public Integer call() throws Exception {
    if (!(minutes > 0 && minutes <= 60) || epochs < 1 || warmup < 0) {
      throw new ParameterException(spec.commandLine(), "--minutes must be in (0, 60], --epochs positive, --warmup >= 0");
    }
    if (threads < 0) {
      throw new ParameterException(spec.commandLine(), "--threads must be 0 (both 1 and 2) or a positive count");
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((modelFile == null) != (signalsFile == null)) {
      throw new ParameterException(spec.commandLine(), "--model and --signals go together");
    }
    if (modelFile != null) {
      Signal signal = SignalFormats.standard().read(signalsFile);
      try (TrackingModel model = TrackingModel.load(modelFile)) {
        double[][] raw = SessionSignals.select(signal, model.frontEnd(), signalsFile, w -> err.println(w));
        TrackBenchmark.Result last = time(model, raw, signal.startTimeSeconds(), o);
        if (model.blinks().isPresent()) {
          compareEyes(model, signal, last.frames(), o);
        }
      }
      return 0;
    }
    try (SimulatedSessionFiles simulated = new SimulatedSessionFiles(minutes, seed, err)) {
      Session session = simulated.session();
      TrainingOptions options = TrainingOptions.defaults().withEpochs(epochs).withSeed(seed).withProgress(false);
      try (TrackingModel model = TrainCommand.train(List.of(session), LandmarkSet.IBUG_51, 30, options, null, err)
          .model()) {
        double[][] raw = SessionSignals.select(session.signals(), model.frontEnd(), session.source(), err::println);
        time(model, raw, session.signals().startTimeSeconds(), o);
      }
    }
    return 0;
  }

  /** Times the pipeline on {@code raw} (the model's channels) with each thread count; returns the last run. */
  private TrackBenchmark.Result time(TrackingModel model, double[][] raw, double start, PrintWriter o) {
    FrontEnd fe = model.frontEnd();
    o.printf(Locale.ROOT, "mimik bench track: %d channels at %.0f Hz, %.0f fps, window %d x %d features, %s, BioNet"
        + " batch 1, %s; %d warm-up frames%n", raw.length, fe.samplingRateHz(), fe.fps(), fe.inputCount(),
        fe.windowSamples(), model.landmarkFrame().set(), noFit ? "no rig fit"
            : (model.identityOn(EmbeddedRig.load()).isPresent() ? "the model's identity" : "identity fitted on the"
                + " first " + TrackingRecipe.IDENTITY_FRAMES + " frames") + ", the rig fit warm-started per frame"
                + " (embedded rig)" + (model.blinks().isPresent()
                    ? ", eyes by the blink detector (ELAM)" : ""), warmup);
    TrackBenchmark bench = new TrackBenchmark(model, noFit ? null : EmbeddedRig.load(), warmup);
    TrackBenchmark.Result result = null;
    for (int t : threadCounts()) {
      result = bench.run(raw, start, t, cpuStages);
      o.print(TrackBenchmark.table(result));
      StageTimings.Summary total = result.timings().summaries().get(result.timings().stages().size());
      o.printf(Locale.ROOT, "targets: >= %.0f frames/s %s (wall clock), %s (per CPU second); p99 <= %.0f ms %s (%s)%n",
          TARGET_FRAMES_PER_SECOND, met(result.framesPerSecond() >= TARGET_FRAMES_PER_SECOND),
          met(result.framesPerCpuSecond() >= TARGET_FRAMES_PER_SECOND), TARGET_P99_MS,
          met(total.p99() <= TARGET_P99_MS), cpuStages ? "CPU" : "wall clock");
      o.flush();
    }
    return result;
  }

  private static String met(boolean ok) {
    return ok ? "met" : "NOT met";
  }

  private List<Integer> threadCounts() {
    return threads > 0 ? List.of(threads) : List.of(1, 2);
  }

  /**
   * The live eyes against {@code track --offline}'s, whose blink detector sees the whole recording: closed at 0.5, at
   * each live frame's time; with a simulator truth folder beside the recording, how many true blinks each closed the
   * eyes on.
   */
  private void compareEyes(TrackingModel model, Signal signal, List<Frame> frames, PrintWriter o)
      throws IOException {
    TrackedRecording offline = RecordingTracker.track(model, signal, signalsFile, null,
        TrackingRecipe.causal().withOffline(true), w -> { }, p -> { });
    double[] offlineTimes = offline.times();
    double[] offlineClosure = offline.eogClosure();
    List<Frame> live = frames.stream().filter(Frame::tracked).toList();
    double[] liveClosure = TrackBenchmark.leftClosure(live);
    double[] shown = live.stream().mapToDouble(Frame::timeSeconds).toArray();
    double[] other = new double[shown.length];
    for (int f = 0; f < shown.length; f++) {
      other[f] = offlineClosure[Math.max(0, Math.min(offlineTimes.length - 1,
          (int) Math.round((shown[f] - offlineTimes[0]) * model.frontEnd().fps())))];
    }
    int agree = 0;
    int closedLive = 0;
    int closedOffline = 0;
    for (int f = 0; f < shown.length; f++) {
      boolean l = liveClosure[f] >= 0.5;
      boolean off = other[f] >= 0.5;
      agree += l == off ? 1 : 0;
      closedLive += l ? 1 : 0;
      closedOffline += off ? 1 : 0;
    }
    o.printf(Locale.ROOT, "live eyes (decided %.2f s after their samples; the face waits for them) against track"
        + " --offline's at the same frames: %.2f %% of %d frames agree; closed in %d live, %d offline%n",
        new LiveBlinks(model.blinks().orElseThrow(), model.frontEnd()).delaySeconds(), 100.0 * agree / shown.length,
        shown.length, closedLive, closedOffline);
    Path truth = signalsFile.resolveSibling("truth").resolve("blinks.csv");
    if (Files.isRegularFile(truth)) {
      double[][] blinks = GroundTruth.readBlinks(truth);
      int seenLive = 0;
      int seenOffline = 0;
      for (double[] b : blinks) {
        boolean l = false;
        boolean off = false;
        for (int f = 0; f < shown.length; f++) {
          if (shown[f] - signal.startTimeSeconds() >= b[0] && shown[f] - signal.startTimeSeconds() <= b[0] + b[1]) {
            l |= liveClosure[f] >= 0.5;
            off |= other[f] >= 0.5;
          }
        }
        seenLive += l ? 1 : 0;
        seenOffline += off ? 1 : 0;
      }
      o.printf(Locale.ROOT, "true blinks (%s) the eyes closed on: %d live, %d offline, of %d%n", truth, seenLive,
          seenOffline, blinks.length);
    }
    o.flush();
  }
}
