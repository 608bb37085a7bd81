package dev.mimik.lab.demo;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.report.Charts;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.lab.face.FaceFitAblation;
import dev.mimik.lab.face.FaceScores;
import dev.mimik.lab.tracking.TrackReport;
import dev.mimik.learn.baseline.WindowRidge;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.Session;
import dev.mimik.learn.eifer.MapMetrics;
import dev.mimik.learn.train.EpochReport;
import dev.mimik.learn.train.TrainingOptions;
import dev.mimik.signal.sync.ClockMapping;
import dev.mimik.sim.session.GroundTruth;
import dev.mimik.track.FaceFit;
import dev.mimik.track.RecordingTracker;
import dev.mimik.track.TrackedRecording;
import dev.mimik.track.TrackingRecipe;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The whole BioFace-3D loop on simulated earpiece sessions ({@code mimik demo}): a model trained per participant on
 * the first session tracks the held-out second one without the camera; per-participant and cross-participant errors
 * beside the ridge baseline and the mean face; the first participant's held-out session tracked through the full
 * pipeline, its 3D face scored against the truth, and the ablation of ELAM and LDL.
 *
 * @param sessions two sessions per participant, in participant order (first for training, second held out)
 * @param truths the simulator's truth of each session, in the same order
 * @param set the landmark set trained
 * @param options the training options
 */
public record Demo(List<Session> sessions, List<GroundTruth> truths, LandmarkSet set, TrainingOptions options) {

  /** The frame rate the landmarks are trained and tracked at, the simulated camera's. */
  public static final double FPS = 30;

  /** One row of the results table: a model applied to a held-out session. */
  public record Row(String model, String session, String kind, double bioNetNme, double ridgeNme, double meanNme) {}

  /**
   * What the demo measured.
   *
   * @param models each participant's training outcome (its model open: close them)
   * @param rows every model on every held-out session
   * @param tracked the first participant's held-out session through the full causal pipeline
   * @param report that run's report
   * @param metrics its landmark errors against the truth
   * @param shapeR Pearson r of each moving blendshape against the truth, strongest first
   * @param ablation the ELAM and LDL ablation on it
   */
  public record Result(List<ModelTraining.Outcome> models, List<Row> rows, TrackedRecording tracked,
      TrackReport report, LandmarkMetrics metrics, Map<String, Double> shapeR, List<FaceScores.Row> ablation) {}

  /** Where the demo reports progress. */
  public interface Listener {
    /** A step starts. */
    void step(String text);

    /** A warning. */
    void warn(String text);

    /** The fraction done of the current long step. */
    void progress(double fraction);
  }

  public Demo {
    if (sessions.size() < 2 || sessions.size() % 2 != 0 || truths.size() != sessions.size()) {
      throw new IllegalArgumentException("the demo takes two sessions per participant, each with its truth");
    }
    sessions = List.copyOf(sessions);
    truths = List.copyOf(truths);
  }

  /** Number of participants. */
  public int participants() {
    return sessions.size() / 2;
  }

  /** Runs the demo, fitting the tracked face on {@code rig}. */
  public Result run(FaceRig rig, Listener listener) throws IOException {
    Consumer<String> warn = listener::warn;
    List<ModelTraining.Outcome> models = new ArrayList<>();
    List<WindowRidge> ridges = new ArrayList<>();
    for (int p = 0; p < participants(); p++) {
      Session train = sessions.get(2 * p);
      listener.step("2/4 training " + train.participant() + "'s model on " + train.name());
      ModelTraining.Outcome outcome = ModelTraining.train(List.of(train),
          ModelTraining.frontEndFor(List.of(train), FPS), set, rig, options, null, warn);
      models.add(outcome);
      ridges.add(HeldOut.baseline(outcome, set, options));
    }
    listener.step("3/4 evaluating on the held-out sessions (per participant and across participants)");
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < participants(); m++) {
      for (int p = 0; p < participants(); p++) {
        Session heldOut = withExactLandmarks(2 * p + 1);
        HeldOut.Scores x = HeldOut.score(models.get(m), ridges.get(m), heldOut, set, warn);
        rows.add(new Row(sessions.get(2 * m).participant(), heldOut.name(), m == p ? "per-participant"
            : "cross-participant", x.bioNetNme(), x.ridgeNme(), x.meanNme()));
      }
    }
    Session shown = sessions.get(1);
    GroundTruth truth = truths.get(1);
    listener.step("4/4 tracking " + shown.name() + " without the camera: landmarks, 3D fit, face.glb, report");
    TrackingRecipe recipe = TrackingRecipe.causal();
    TrackedRecording tracked = RecordingTracker.track(models.get(0).model(), shown.signals(), shown.source(), rig,
        recipe, warn, listener::progress);
    listener.step("4/4 fitting the face with and without eyelid adjustment and local distances (the eye ablation)");
    List<FaceScores.Row> ablation = FaceFitAblation.run(models.get(0).model(), rig, tracked, truth,
        listener::progress);
    TrackReport report = new TrackReport(models.get(0).model(), shown.signals(), tracked, rig);
    return new Result(models, rows, tracked, report, report.against(truth),
        blendshapeAgreement(tracked.blendshapes(), truth.blendshapes()), ablation);
  }

  /** The held-out session {@code i} with the simulator's exact landmarks (on the biosignal clock) as the camera's. */
  private Session withExactLandmarks(int i) {
    Session s = sessions.get(i);
    return new Session(s.name(), s.participant(), s.signals(), truths.get(i).landmarks(), ClockMapping.identity(),
        s.source());
  }

  /**
   * Pearson r between the tracked and the true weight of every blendshape that moves in the truth (standard
   * deviation above 0.05), tracked frames matched to the truth's frames by time, strongest first.
   */
  public static Map<String, Double> blendshapeAgreement(BlendshapeTrack tracked, BlendshapeTrack truth) {
    double step = tracked.timesSeconds().length > 1 ? tracked.timesSeconds()[1] - tracked.timesSeconds()[0] : 1;
    double[][] mine = tracked.reordered(Blendshapes.ARKIT_52).weights();
    double[][] real = truth.reordered(Blendshapes.ARKIT_52).weights();
    List<double[]> pred = new ArrayList<>();
    List<double[]> exact = new ArrayList<>();
    for (int f = 0; f < truth.frameCount(); f++) {
      int k = (int) Math.round((truth.timesSeconds()[f] - tracked.timesSeconds()[0]) / step);
      if (k >= 0 && k < tracked.frameCount()) {
        pred.add(mine[k]);
        exact.add(real[f]);
      }
    }
    MapMetrics m = MapMetrics.of(pred.toArray(double[][]::new), exact.toArray(double[][]::new));
    Map<String, Double> r = new LinkedHashMap<>();
    IntStream.range(0, Blendshapes.ARKIT_52.size())
        .filter(i -> standardDeviation(exact, i) > 0.05 && Double.isFinite(m.pearson()[i]))
        .boxed()
        .sorted(Comparator.comparingDouble(i -> -m.pearson()[i]))
        .forEach(i -> r.put(Blendshapes.ARKIT_52.get(i), m.pearson()[i]));
    return r;
  }

  private static double standardDeviation(List<double[]> rows, int column) {
    double[] v = rows.stream().mapToDouble(row -> row[column]).toArray();
    double mean = Arrays.stream(v).average().orElse(0);
    return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0));
  }

  /**
   * The summary report ({@code realistic}: simulated under the realistic rather than the controlled conditions):
   * the held-out table, training curves, the tracked run, the blendshapes and the eyes.
   */
  public HtmlReport summaryReport(Result r, double minutes, boolean realistic) {
    HtmlReport report = new HtmlReport("mimik demo");
    report.paragraph(participants() + " simulated participants wore the earpiece for two sessions of " + minutes
        + " minutes each, " + (realistic ? "the earpiece put on afresh each session, performing the seven expressions"
        + " and 27 other facial actions at varied intensity, timing, blend and asymmetry, with speech as visemes,"
        + " blinks, gaze and head motion; the camera's clock was off by 0.2-5 s and drifting, and found by"
        + " --sync auto." : "the earpiece never taken off, performing BioFace-3D's protocol (seven expressions,"
        + " blinks, gaze, speech, head motion), the camera's clock given.")
        + " BioNet was trained per participant on the first session and applied to the held-out second sessions."
        + " NME is in percent of the outer-eye-corner distance, against the simulator's exact landmarks aligned as in"
        + " training (BioFace-3D reports 3.38%), for the network alone and for the fair baseline: ridge regression on the"
        + " same windows, its penalty chosen on the training session's own validation blocks.");
    List<List<?>> table = new ArrayList<>();
    for (Row row : r.rows()) {
      table.add(List.of(row.model(), row.session(), row.kind(), fmt(row.bioNetNme()), fmt(row.ridgeNme()),
          fmt(row.meanNme()), fmt(100 * (1 - row.bioNetNme() / row.ridgeNme())) + "%"));
    }
    report.heading("Held-out sessions").table(List.of("model of", "held-out session", "kind", "BioNet NME %",
        "ridge NME %", "mean face NME %", "BioNet below ridge"), table);
    List<Charts.Series> curves = new ArrayList<>();
    for (int p = 0; p < participants(); p++) {
      List<EpochReport> h = r.models().get(p).result().history();
      curves.add(new Charts.Series(sessions.get(2 * p).participant() + " validation NME",
          h.stream().mapToDouble(EpochReport::epoch).toArray(),
          h.stream().mapToDouble(EpochReport::validationNme).toArray()));
    }
    org.knowm.xchart.XYChart training = Charts.timeSeries("Training", "NME %", curves);
    training.setXAxisTitle("epoch");
    report.heading("Training").chart("Validation NME per epoch", training);
    report.heading("Tracking without the camera").paragraph("The full causal pipeline (filters, windows, BioNet,"
        + " Kalman smoothing, the blink detector, the face fit with the identity fitted at training on"
        + " the camera's landmarks) on the first participant's held-out session, against the"
        + " simulator's exact landmarks: nme_percent " + fmt(r.metrics().nmePercent()) + ", mae_mm "
        + fmt(r.metrics().maeMm()) + ". Its landmarks, blendshapes, face.glb and detailed report are in track/.");
    List<List<?>> shapes = new ArrayList<>();
    r.shapeR().forEach((name, v) -> shapes.add(List.of(name, fmt(v))));
    report.heading("Blendshapes from biosignals alone").paragraph("The fitted ARKit weights against the"
        + " simulator's true weights (Pearson r, every blendshape that moves; mean " + fmt(meanOf(r.shapeR())) + ").")
        .table(List.of("blendshape", "r"), shapes);
    report.heading("Eyes: blinks from the earpiece, ELAM and LDL").paragraph("Each participant's blink detector was"
        + " calibrated on the blinks the training camera saw (channel, sign and threshold of the earpiece's EOG). The"
        + " tracked landmarks of the held-out session were fitted with and without the eyelid landmark adjustment"
        + " (ELAM, by the detector's closure) and the local dynamic loss (LDL), and each 3D face scored against the"
        + " simulator's true face, as in Tables 1 and 2 of 'Eye Motion Matters'; mimik's default is "
        + FaceFit.ELAM_LDL.name() + ".");
    FaceScores.addTo(report, r.ablation());
    return report;
  }

  /** The summary printed at the end. */
  public String summaryText(Result r) {
    StringBuilder b = new StringBuilder();
    b.append("\nmodel of  held-out session    kind               BioNet NME  ridge NME  mean face\n");
    for (Row row : r.rows()) {
      b.append(String.format(Locale.ROOT, "%-9s %-19s %-18s %9.2f%% %9.2f%% %9.2f%%%n", row.model(),
          row.session(), row.kind(), row.bioNetNme(), row.ridgeNme(), row.meanNme()));
    }
    b.append(String.format(Locale.ROOT, "full causal pipeline on %s vs exact truth: nme_percent %.2f, mae_mm %.2f%n",
        r.rows().get(0).session(), r.metrics().nmePercent(), r.metrics().maeMm()));
    StringBuilder best = new StringBuilder();
    r.shapeR().entrySet().stream().limit(6).forEach(e -> best.append(String.format(Locale.ROOT, " %s %.2f,",
        e.getKey(), e.getValue())));
    b.append(String.format(Locale.ROOT, "blendshapes vs truth: mean r %.2f over %d moving shapes; best:%s%n",
        meanOf(r.shapeR()), r.shapeR().size(), best.length() > 0 ? best.substring(0, best.length() - 1) : " none"));
    FaceScores.Row own = r.ablation().stream().filter(x -> x.face().name().equals(FaceFit.ELAM_LDL.name()))
        .findFirst().orElseThrow();
    b.append(String.format(Locale.ROOT, "eyes (%s) vs truth: state accuracy %.1f%%, F1 %.1f%%; %d of %d blinks"
        + " reproduced, %.0f%% within 2 frames of the true onset%n", own.face().name(),
        100 * own.face().eyes().accuracy(), 100 * own.face().eyes().f1(), own.blinks().reproduced(),
        own.blinks().count(), 100 * own.blinks().onTime()));
    return b.toString();
  }

  private static double meanOf(Map<String, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
