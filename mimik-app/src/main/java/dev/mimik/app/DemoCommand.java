package dev.mimik.app;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.eifer.MapMetrics;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkFormats;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.report.Charts;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.baseline.RidgeBaseline;
import dev.mimik.learn.metric.NormalisedMeanError;
import dev.mimik.learn.pipeline.ModelTraining;
import dev.mimik.learn.pipeline.Session;
import dev.mimik.learn.pipeline.TrainingData;
import dev.mimik.learn.train.EpochReport;
import dev.mimik.learn.train.TrainingOptions;
import dev.mimik.signal.sync.ClockMapping;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mimik demo}: the whole BioFace-3D loop on built-in synthetic data. Two simulated participants wear the
 * earpiece for two sessions each; a model is trained per participant on the first session and tracks the held-out
 * second one without the camera; both the per-participant and the cross-participant error are reported next to
 * the ridge baseline, with the first participant's tracked face as {@code face.glb} and an HTML report. The
 * defaults (6 minutes per session, at most 30 epochs) are the least data and training with which BioNet beats the
 * ridge baseline by 30 % per participant; the whole run takes about 5-6 minutes on two busy cores.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The whole loop on built-in synthetic data: simulate, train, track a held-out session, evaluate, report.",
      "",
      "Example: mimik demo --out demo-out"
    })
public final class DemoCommand implements Callable<Integer> {

  private static final int PARTICIPANTS = 2;
  /** Marks a folder as a demo's own output, which a later demo run may replace. */
  private static final String MARKER = ".mimik-demo";

  @Spec private CommandSpec spec;

  @Option(names = "--out", defaultValue = "demo-out", description = "output folder (default ${DEFAULT-VALUE})")
  private Path out;

  @Option(names = "--minutes", defaultValue = "6", description = "minutes per simulated session (default ${DEFAULT-VALUE})")
  private double minutes;

  @Option(names = "--epochs", defaultValue = "30", description = "most training epochs (default ${DEFAULT-VALUE})")
  private int epochs;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the simulation and training (default ${DEFAULT-VALUE})")
  private long seed;

  /** One row of the results table: a model applied to a held-out session. */
  private record Row(String model, String session, String kind, double bioNetNme, double ridgeNme, double meanNme) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    long started = System.nanoTime();
    prepareOutput();
    Path data = out.resolve("data");
    step(o, "1/4 simulating " + PARTICIPANTS + " participants x 2 sessions x " + minutes + " min (earpiece, 1 kHz)");
    int code = new CommandLine(new SimulateCommand()).setOut(err).setErr(err).execute("--out", data.toString(),
        "--participants", "" + PARTICIPANTS, "--sessions-per-participant", "2", "--minutes", "" + minutes,
        "--seed", "" + seed, "--montage", "earpiece");
    if (code != 0) {
      return code;
    }
    List<Session> sessions = new SessionFiles(SessionFiles.Sync.NONE, err).fromManifest(data.resolve("manifest.csv"));
    LandmarkSet set = LandmarkSet.IBUG_51;
    TrainingOptions options = TrainingOptions.defaults().withEpochs(epochs).withSeed(seed);
    Files.createDirectories(out.resolve("models"));
    List<ModelTraining.Outcome> models = new ArrayList<>();
    List<RidgeBaseline> ridges = new ArrayList<>();
    Map<String, List<EpochReport>> histories = new LinkedHashMap<>();
    for (int p = 0; p < PARTICIPANTS; p++) {
      Session train = sessions.get(2 * p);
      step(o, "2/4 training " + train.participant() + "'s model on " + train.name());
      ModelTraining.Outcome outcome = TrainCommand.train(List.of(train), set, 30, options, null, err);
      outcome.model().save(out.resolve("models").resolve(train.participant() + ".mimik"));
      models.add(outcome);
      ridges.add(RidgeBaseline.fit(outcome.data().windows(), outcome.data().targets(), set, 1.0));
      histories.put(train.participant(), outcome.result().history());
    }
    step(o, "3/4 evaluating on the held-out sessions (per participant and across participants)");
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < PARTICIPANTS; m++) {
      for (int p = 0; p < PARTICIPANTS; p++) {
        Session heldOut = withExactLandmarks(sessions.get(2 * p + 1));
        ModelTraining.Outcome model = models.get(m);
        TrainingData test = TrainingData.build(List.of(heldOut), model.model().frontEnd(), set,
            model.model().landmarkFrame(), w -> err.println("warning: " + w));
        NormalisedMeanError nme = new NormalisedMeanError(set);
        rows.add(new Row(sessions.get(2 * m).participant(), heldOut.name(), m == p ? "per-participant" : "cross-participant",
            nme.percent(model.model().network().predict(test.windows()), test.targets()),
            nme.percent(ridges.get(m).predict(test.windows()), test.targets()),
            nme.percent(meanFace(model.data(), test.size()), test.targets())));
      }
    }
    Session shown = sessions.get(1);
    step(o, "4/4 tracking " + shown.name() + " without the camera: landmarks, 3D fit, face.glb, report");
    Path trackDir = out.resolve("track");
    LandmarkMetrics metrics;
    Map<String, Double> shapeR;
    List<FaceFitAblation.Row> ablation;
    try (Progress progress = new Progress(err, "tracking")) {
      TrackRun run = TrackRun.run(models.get(0).model(), shown.signals(), shown.source(), false, EmbeddedRig.load(),
          progress);
      SessionTruth truth = SessionTruth.read(shown.source().resolveSibling("truth").resolve("landmarks.csv"));
      step(o, "4/4 fitting the face with and without eyelid adjustment and local distances (the eye ablation)");
      try (Progress fits = new Progress(err, "eye ablation")) {
        ablation = FaceFitAblation.run(run, truth, fits);
      }
      metrics = run.write(trackDir, "mimik demo: " + shown.name() + " tracked from biosignals alone", truth,
          ablation);
      shapeR = blendshapeAgreement(run.blendshapes(), truth.blendshapes());
    }
    writeSummary(rows, histories, metrics, shapeR, ablation);
    for (ModelTraining.Outcome m : models) {
      m.model().close();
    }
    printSummary(o, rows, metrics, shapeR, ablation, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  /**
   * Makes {@code out} ready: a new or empty folder is used as it is; a previous demo's output (it holds the marker
   * file) is replaced; anything else is refused, so the demo never deletes what it did not write.
   */
  private void prepareOutput() throws java.io.IOException {
    if (Files.isDirectory(out)) {
      boolean empty;
      try (var entries = Files.list(out)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(out.resolve(MARKER))) {
        throw new BadInputException(out, "exists and is not the output of an earlier 'mimik demo'; choose another --out");
      }
      if (!empty) {
        try (var walk = Files.walk(out)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    } else if (Files.exists(out)) {
      throw new BadInputException(out, "exists and is not a folder");
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve(MARKER), "written by mimik demo; the next demo run into this folder replaces it\n");
  }

  /**
   * Pearson r between the tracked and the true weight of every blendshape that moves in the truth (standard
   * deviation above 0.05), tracked frames matched to the truth's frames by time, strongest first.
   */
  static Map<String, Double> blendshapeAgreement(BlendshapeTrack tracked, BlendshapeTrack truth) {
    double step = tracked.timesSeconds().length > 1 ? tracked.timesSeconds()[1] - tracked.timesSeconds()[0] : 1;
    List<double[]> pred = new ArrayList<>();
    List<double[]> real = new ArrayList<>();
    for (int f = 0; f < truth.frameCount(); f++) {
      int k = (int) Math.round((truth.timesSeconds()[f] - tracked.timesSeconds()[0]) / step);
      if (k >= 0 && k < tracked.frameCount()) {
        double[] p = new double[Blendshapes.ARKIT_52.size()];
        double[] t = new double[p.length];
        for (int i = 0; i < p.length; i++) {
          p[i] = tracked.weights()[k][tracked.names().indexOf(Blendshapes.ARKIT_52.get(i))];
          int j = truth.names().indexOf(Blendshapes.ARKIT_52.get(i));
          t[i] = j < 0 ? 0 : truth.weights()[f][j];
        }
        pred.add(p);
        real.add(t);
      }
    }
    MapMetrics m = MapMetrics.of(pred.toArray(double[][]::new), real.toArray(double[][]::new));
    Map<String, Double> r = new LinkedHashMap<>();
    java.util.stream.IntStream.range(0, Blendshapes.ARKIT_52.size())
        .filter(i -> standardDeviation(real, i) > 0.05 && Double.isFinite(m.pearson()[i]))
        .boxed()
        .sorted(java.util.Comparator.comparingDouble(i -> -m.pearson()[i]))
        .forEach(i -> r.put(Blendshapes.ARKIT_52.get(i), m.pearson()[i]));
    return r;
  }

  private static double standardDeviation(List<double[]> rows, int column) {
    double[] v = rows.stream().mapToDouble(row -> row[column]).toArray();
    double mean = java.util.Arrays.stream(v).average().orElse(0);
    return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0));
  }

  /** The training targets' mean shape, as a prediction for {@code frames} frames: the no-information baseline. */
  private static float[][] meanFace(TrainingData training, int frames) {
    float[] mean = new float[training.targets()[0].length];
    for (float[] t : training.targets()) {
      for (int i = 0; i < mean.length; i++) {
        mean[i] += t[i] / training.size();
      }
    }
    float[][] out = new float[frames][];
    java.util.Arrays.fill(out, mean);
    return out;
  }

  /** The session with the simulator's exact landmarks (on the biosignal clock) in place of the camera's. */
  private static Session withExactLandmarks(Session s) throws java.io.IOException {
    Path truth = s.source().resolveSibling("truth").resolve("landmarks.csv");
    return new Session(s.name(), s.participant(), s.signals(), LandmarkFormats.standard().read(truth),
        ClockMapping.identity(), s.source());
  }

  private void writeSummary(List<Row> rows, Map<String, List<EpochReport>> histories, LandmarkMetrics metrics,
      Map<String, Double> shapeR, List<FaceFitAblation.Row> ablation) throws java.io.IOException {
    HtmlReport report = new HtmlReport("mimik demo");
    report.paragraph("Two simulated participants wore the earpiece (2 channels at 1 kHz) for two sessions of "
        + minutes + " minutes each, performing BioFace-3D's protocol (seven expressions, blinks, gaze, speech, head "
        + "motion). BioNet was trained per participant on the first session and applied to the held-out second "
        + "sessions. NME is in percent of the outer-eye-corner distance, against the simulator's exact landmarks "
        + "aligned as in training (BioFace-3D reports 3.38%), for the network alone and for the ridge baseline on "
        + "the same windows.");
    List<List<?>> table = new ArrayList<>();
    for (Row r : rows) {
      table.add(List.of(r.model(), r.session(), r.kind(), fmt(r.bioNetNme()), fmt(r.ridgeNme()),
          fmt(r.meanNme()), fmt(100 * (1 - r.bioNetNme() / r.ridgeNme())) + "%"));
    }
    report.heading("Held-out sessions").table(List.of("model of", "held-out session", "kind", "BioNet NME %",
        "ridge NME %", "mean face NME %", "BioNet below ridge"), table);
    List<Charts.Series> curves = new ArrayList<>();
    histories.forEach((who, h) -> curves.add(new Charts.Series(who + " validation NME",
        h.stream().mapToDouble(EpochReport::epoch).toArray(),
        h.stream().mapToDouble(EpochReport::validationNme).toArray())));
    org.knowm.xchart.XYChart training = Charts.timeSeries("Training", "NME %", curves);
    training.setXAxisTitle("epoch");
    report.heading("Training").chart("Validation NME per epoch", training);
    report.heading("Tracking without the camera").paragraph("The full causal pipeline (filters, windows, BioNet, "
        + "Kalman smoothing) on the first participant's held-out session, against the simulator's exact landmarks: "
        + "nme_percent " + fmt(metrics.nmePercent()) + ", mae_mm " + fmt(metrics.maeMm()) + ". Its landmarks, "
        + "blendshapes, face.glb and detailed report are in track/.");
    List<List<?>> shapes = new ArrayList<>();
    shapeR.forEach((name, r) -> shapes.add(List.of(name, fmt(r))));
    report.heading("Blendshapes from biosignals alone").paragraph("The fitted ARKit weights against the "
        + "simulator's true weights (Pearson r, every blendshape that moves; mean " + fmt(meanOf(shapeR)) + ").")
        .table(List.of("blendshape", "r"), shapes);
    report.heading("Eyes: blinks from the earpiece, ELAM and LDL").paragraph("Each participant's blink detector was"
        + " calibrated on the blinks the training camera saw (channel, sign and threshold of the earpiece's EOG). The"
        + " tracked landmarks of the held-out session were fitted with and without the eyelid landmark adjustment"
        + " (ELAM, by the detector's closure) and the local dynamic loss (LDL), and each 3D face scored against the"
        + " simulator's true face, as in Tables 1 and 2 of 'Eye Motion Matters'; mimik's default is "
        + TrackRun.FaceFit.EYES.name() + ".");
    FaceFitAblation.addTo(report, ablation);
    report.write(out.resolve("report.html"));
  }

  private static double meanOf(Map<String, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private void printSummary(PrintWriter o, List<Row> rows, LandmarkMetrics metrics, Map<String, Double> shapeR,
      List<FaceFitAblation.Row> ablation, double seconds) {
    o.println();
    o.println("model of  held-out session    kind               BioNet NME  ridge NME  mean face");
    for (Row r : rows) {
      o.printf(Locale.ROOT, "%-9s %-19s %-18s %9.2f%% %9.2f%% %9.2f%%%n", r.model(), r.session(), r.kind(),
          r.bioNetNme(), r.ridgeNme(), r.meanNme());
    }
    o.printf(Locale.ROOT, "full causal pipeline on %s vs exact truth: nme_percent %.2f, mae_mm %.2f%n",
        rows.get(0).session(), metrics.nmePercent(), metrics.maeMm());
    StringBuilder best = new StringBuilder();
    shapeR.entrySet().stream().limit(6).forEach(e -> best.append(String.format(Locale.ROOT, " %s %.2f,", e.getKey(),
        e.getValue())));
    o.printf(Locale.ROOT, "blendshapes vs truth: mean r %.2f over %d moving shapes; best:%s%n", meanOf(shapeR),
        shapeR.size(), best.length() > 0 ? best.substring(0, best.length() - 1) : " none");
    FaceFitAblation.Row own = ablation.stream().filter(r -> r.face().name().equals(TrackRun.FaceFit.EYES.name()))
        .findFirst().orElseThrow();
    o.printf(Locale.ROOT, "eyes (%s) vs truth: state accuracy %.1f%%, F1 %.1f%%; %d of %d blinks reproduced, %.0f%% within"
        + " 2 frames of the true onset%n", own.face().name(), 100 * own.face().eyes().accuracy(),
        100 * own.face().eyes().f1(), own.blinks().reproduced(), own.blinks().count(), 100 * own.blinks().onTime());
    o.printf(Locale.ROOT, "done in %.0f s. Open %s (summary) and %s (tracked face: face.glb, blendshapes.csv)%n",
        seconds, out.resolve("report.html"), out.resolve("track"));
    o.flush();
  }

  private static void step(PrintWriter o, String text) {
    o.println("mimik demo " + text);
    o.flush();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
