package dev.mimik.app;

import dev.mimik.app.serve.FrameSource;
import dev.mimik.app.serve.LiveTracker;
import dev.mimik.app.serve.TrackedFrame;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.pipeline.FrontEnd;
import dev.mimik.learn.pipeline.LiveBlinks;
import dev.mimik.learn.pipeline.ModelTraining;
import dev.mimik.learn.pipeline.Session;
import dev.mimik.learn.pipeline.SessionSignals;
import dev.mimik.learn.pipeline.TrackingModel;
import dev.mimik.learn.train.TrainingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mimik bench track}: the live per-frame cost of the whole causal pipeline on one core. A short earpiece
 * session is simulated and a model trained on it for a few epochs (only its size matters here); then the recording's
 * samples go into the {@link LiveTracker} of {@code mimik serve} frame by frame, as a live stream would deliver
 * them, which fits each tracked frame to the rig warm-started from the frame before. Prints frames per second and
 * per-frame latency percentiles for each stage and in total, against issue 5's targets.
 */
@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description = {
      "Times live tracking frame by frame on one core: filters + window, BioNet (batch 1), Kalman, rig fit.",
      "Simulates an earpiece session and trains a small model on it first (its accuracy does not matter here).",
      "",
      "With --model and --signals, times that model on that recording instead (and compares its live eyes with",
      "track's).",
      "",
      "Example: mimik bench track --minutes 1 --epochs 2",
      "         mimik bench track --model demo/models/p01.mimik --signals demo/data/p01/s02/signals.edf"
    })
final class BenchTrackCommand implements Callable<Integer> {

  /** Issue 5's targets. */
  static final double TARGET_FRAMES_PER_SECOND = 300;
  static final double TARGET_P99_MS = 10;

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
    // one core for the network; set before the engine starts (ignored if it already has)
    System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
    System.setProperty("ai.djl.pytorch.num_interop_threads",
        System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((modelFile == null) != (signalsFile == null)) {
      throw new ParameterException(spec.commandLine(), "--model and --signals go together");
    }
    if (modelFile != null) {
      Signal signal = SignalFormats.standard().read(signalsFile);
      try (TrackingModel model = TrackingModel.load(modelFile)) {
        double[][] raw = SessionSignals.select(signal, model.frontEnd(), signalsFile, w -> err.println(w));
        List<TrackedFrame> frames = run(model, raw, signal.startTimeSeconds(), o);
        if (model.blinks().isPresent()) {
          compareEyes(model, signal, frames, o);
        }
      }
      return 0;
    }
    Path dir = Files.createTempDirectory("mimik-bench-track");
    try {
      int code = new CommandLine(new SimulateCommand()).setOut(err).setErr(err).execute("--out", dir.toString(),
          "--participants", "1", "--minutes", "" + minutes, "--seed", "" + seed, "--montage", "earpiece");
      if (code != 0) {
        return code;
      }
      Session session = new SessionFiles(SessionFiles.Sync.NONE, err).fromManifest(dir.resolve("manifest.csv")).get(0);
      TrainingOptions options = TrainingOptions.defaults().withEpochs(epochs).withSeed(seed).withProgress(false);
      try (TrackingModel model = TrainCommand.train(List.of(session), LandmarkSet.IBUG_51, 30, options, null, err)
          .model()) {
        FrontEnd fe = model.frontEnd();
        double[][] raw = new double[fe.channels().size()][];
        for (int c = 0; c < raw.length; c++) {
          raw[c] = session.signals().channel(fe.channels().get(c)).orElseThrow().samples();
        }
        run(model, raw, session.signals().startTimeSeconds(), o);
      }
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return 0;
  }

  /** Times the live tracker on {@code raw} (the model's channels) frame by frame; returns every frame it sent. */
  private List<TrackedFrame> run(TrackingModel model, double[][] raw, double start, PrintWriter o) {
    FrontEnd fe = model.frontEnd();
    int n = raw[0].length;
    List<TrackedFrame> all = new ArrayList<>();
    LiveTracker live = new LiveTracker(model, noFit ? null : EmbeddedRig.load(), TrackRun.assumedCamera(model),
        "bench");
    List<TrackedFrame> out = new ArrayList<>();
    live.start(new FrameSource.Listener() {
      @Override
      public void onFrame(TrackedFrame frame) {
        out.add(frame);
      }

      @Override
      public void onEnd(String why) { }
    });
    int frames = (int) Math.floor((start + (n - 1) / fe.samplingRateHz()) * fe.fps()) + 1;
    double[][] ms = new double[5][frames]; // front end, network, Kalman, rig fit, total
    String[] stages = {"filters", "network", "kalman", "fit"};
    int timed = 0;
    int skip = warmup;
    int pushed = 0;
    long loopStart = 0;
    for (long k = (long) Math.ceil(start * fe.fps() - 1e-9); k < frames; k++) {
      // up to the first sample at or after the frame time: the sample that completes the frame
      int upTo = Math.min(n, (int) Math.ceil((k / fe.fps() - start) * fe.samplingRateHz() - 1e-6) + 1);
      double[][] block = new double[raw.length][];
      for (int c = 0; c < raw.length; c++) {
        block[c] = Arrays.copyOfRange(raw[c], pushed, upTo);
      }
      pushed = upTo;
      long t0 = System.nanoTime();
      out.clear();
      live.accept(k, block);
      all.addAll(out);
      if (out.size() != 1 || skip-- > 0) {
        continue;
      }
      if (timed == 0) {
        loopStart = t0;
      }
      TrackedFrame f = out.get(0);
      for (int s = 0; s < stages.length; s++) {
        ms[s][timed] = f.stageMs().getOrDefault(stages[s], 0.0);
      }
      ms[4][timed] = f.latencyMs();
      timed++;
    }
    double wallSeconds = (System.nanoTime() - loopStart) / 1e9;
    o.printf(Locale.ROOT, "mimik bench track: %d channels at %.0f Hz, %.0f fps, window %d x %d features, %s, "
        + "BioNet batch 1 (%d pytorch thread), %s%n", raw.length, fe.samplingRateHz(), fe.fps(), fe.inputCount(),
        fe.windowSamples(), model.landmarkFrame().set(), Integer.getInteger("ai.djl.pytorch.num_threads", 0),
        noFit ? "no rig fit" : "rig fit warm-started per frame (embedded rig)" + (model.blinks().isPresent()
            ? ", eyes by the blink detector (ELAM)" : ""));
    o.printf(Locale.ROOT, "%d frames timed after %d warm-up frames%n", timed, warmup);
    o.println("stage             mean ms    p50 ms    p95 ms    p99 ms    max ms");
    String[] names = {"filters+window", "network", "kalman", "rig fit", "total"};
    for (int s = 0; s < names.length; s++) {
      if (s == 3 && noFit) {
        continue;
      }
      double[] v = Arrays.copyOf(ms[s], timed);
      o.printf(Locale.ROOT, "%-15s %9.3f %9.3f %9.3f %9.3f %9.3f%n", names[s], TrackCommand.mean(v),
          TrackCommand.percentile(v, 0.50), TrackCommand.percentile(v, 0.95), TrackCommand.percentile(v, 0.99),
          TrackCommand.percentile(v, 1.0));
    }
    double fps = timed / wallSeconds;
    double p99 = TrackCommand.percentile(Arrays.copyOf(ms[4], timed), 0.99);
    o.printf(Locale.ROOT, "throughput %.0f frames/s (wall clock, including the sample copies); total p99 %.2f ms%n",
        fps, p99);
    o.printf(Locale.ROOT, "issue 5 targets: >= %.0f frames/s %s, p99 <= %.0f ms %s%n", TARGET_FRAMES_PER_SECOND,
        fps >= TARGET_FRAMES_PER_SECOND ? "met" : "NOT met", TARGET_P99_MS, p99 <= TARGET_P99_MS ? "met" : "NOT met");
    o.flush();
    return all;
  }

  /**
   * The live eyes against {@code track}'s: each live frame shows the closure decided {@link LiveBlinks#delaySeconds()}
   * earlier, compared with the offline detector's closure at that time (closed at 0.5); with a simulator truth folder
   * beside the recording, how many true blinks each closed the eyes on.
   */
  private void compareEyes(TrackingModel model, Signal signal, List<TrackedFrame> frames, PrintWriter o)
      throws IOException {
    FrontEnd fe = model.frontEnd();
    double delay = new LiveBlinks(model.blinks().get(), fe).delaySeconds();
    // the live tracker's clock starts at the first sample
    double[] shown = frames.stream().mapToDouble(f -> f.t() - delay).toArray();
    double[] offline = model.blinks().get().closure(SessionSignals.eogBand(signal, fe, signalsFile, w -> { }), fe,
        shown);
    int agree = 0;
    int closedLive = 0;
    int closedOffline = 0;
    for (int f = 0; f < frames.size(); f++) {
      boolean live = frames.get(f).leftClosed() >= 0.5;
      agree += live == offline[f] >= 0.5 ? 1 : 0;
      closedLive += live ? 1 : 0;
      closedOffline += offline[f] >= 0.5 ? 1 : 0;
    }
    o.printf(Locale.ROOT, "live eyes (%.2f s behind the face) against track's at the same time: %.2f %% of %d frames"
        + " agree; closed in %d live, %d offline%n", delay, 100.0 * agree / frames.size(), frames.size(), closedLive,
        closedOffline);
    Path truth = signalsFile.resolveSibling("truth").resolve("blinks.csv");
    if (Files.isRegularFile(truth)) {
      double[][] blinks = SessionTruth.readBlinks(truth);
      int seenLive = 0;
      int seenOffline = 0;
      for (double[] b : blinks) {
        boolean live = false;
        boolean off = false;
        for (int f = 0; f < shown.length; f++) {
          if (shown[f] >= b[0] && shown[f] <= b[0] + b[1]) {
            live |= frames.get(f).leftClosed() >= 0.5;
            off |= offline[f] >= 0.5;
          }
        }
        seenLive += live ? 1 : 0;
        seenOffline += off ? 1 : 0;
      }
      o.printf(Locale.ROOT, "true blinks (%s) the eyes closed on: %d live, %d offline, of %d%n", truth, seenLive,
          seenOffline, blinks.length);
    }
    o.flush();
  }
}
