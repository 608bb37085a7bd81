package dev.mimik.lab.demo;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.io.BadInputException;
import dev.mimik.eval.landmarks.ErrorCdf;
import dev.mimik.eval.report.Charts;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.Session;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.learn.bioface.TrainingData;
import dev.mimik.learn.metric.NormalisedMeanError;
import dev.mimik.learn.train.TrainingOptions;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.sensor.Montage;
import dev.mimik.sim.session.Conditions;
import dev.mimik.sim.session.SimulationSettings;
import dev.mimik.sim.session.Simulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A model for a new person ({@code mimik bench fine-tune}, BioFace-3D's per-participant against cross-participant
 * question asked the practical way): a population model ({@link ModelTraining#trainPopulation}) trained on one
 * session of each of many simulated participants; then, for participants it never saw, a calibration recording of a
 * few minutes (the first minutes of their first session) used two ways: to fine-tune the population model
 * ({@code train --fine-tune}) and to train a per-person model from scratch. Every model, and the population's mean
 * face, is scored on the person's second session, held out. Calibration length 0 is the population model as it
 * is, beside the population's mean face (what a model that reads nothing predicts) and the person's own mean face on
 * the held-out session (an oracle: what a model that knew the face and read no expression would score). At every
 * other length the calibration's own mean face is scored too: what the calibration buys without reading any signal.
 *
 * @param population participants the population model is trained on
 * @param newPeople participants held out of it
 * @param minutes minutes per simulated session (the longest calibration must fit in one)
 * @param calibrationMinutes the calibration lengths, in minutes
 * @param options training options of the population and per-person models (their seed is replaced by the run's)
 */
public record CalibrationCurve(int population, int newPeople, double minutes, List<Double> calibrationMinutes,
    TrainingOptions options) {

  private static final LandmarkSet SET = LandmarkSet.IBUG_51;
  /** The conditions every session is simulated under. */
  public static final Conditions CONDITIONS = Conditions.realistic();
  private static final List<String> MODELS = List.of("fine-tuned", "scratch", "population", "mean face",
      "own mean face", "calibration mean face");

  public CalibrationCurve {
    calibrationMinutes = List.copyOf(calibrationMinutes);
    if (population < 1 || newPeople < 1 || !(minutes > 0)
        || calibrationMinutes.stream().anyMatch(m -> !(m >= 0) || m > minutes)) {
      throw new IllegalArgumentException("need participants on both sides and calibrations of 0.." + minutes
          + " minutes: " + calibrationMinutes);
    }
  }

  /**
   * One model on one new person's held-out session.
   *
   * @param model {@code population}, {@code fine-tuned} or {@code scratch}, or {@code mean face} (the population's),
   *     {@code own mean face} (the person's, measured on the held-out session itself) or {@code calibration mean
   *     face} (the person's, measured on the calibration)
   * @param frameNme each held-out frame's NME in percent; empty when the calibration was too short to train on
   */
  public record Score(long seed, String participant, double calibrationMinutes, String model, double[] frameNme) {
    /** The NME over the session in percent, NaN when nothing was trained. */
    public double nme() {
      return java.util.Arrays.stream(frameNme).average().orElse(Double.NaN);
    }
  }

  /** Runs every seed on faces made by {@code rig}; {@code progress} hears of each model scored. */
  public List<Score> run(FaceRig rig, List<Long> seeds, Consumer<String> progress) throws IOException {
    List<Score> scores = new ArrayList<>();
    for (long seed : seeds) {
      Simulator simulator = new Simulator(rig, null, new SimulationSettings(population + newPeople, 2, minutes,
          seed, Montage.earpiece(), 1000, Demo.FPS, 120, CONDITIONS));
      TrainingOptions seeded = options.withSeed(seed).withProgress(false);
      List<Session> crowd = new ArrayList<>();
      for (int p = 0; p < population; p++) {
        crowd.add(HeldOut.camera(simulator.session(simulator.participant(p), 0)));
      }
      progress.accept(String.format(Locale.ROOT, "seed %d: training the population model on %d participants",
          seed, population));
      ModelTraining.Outcome base = ModelTraining.trainPopulation(crowd, ModelTraining.frontEndFor(crowd, Demo.FPS),
          SET, seeded, w -> { });
      try (TrackingModel populationModel = base.model()) {
        for (int p = population; p < population + newPeople; p++) {
          Participant who = simulator.participant(p);
          Session calibration = HeldOut.camera(simulator.session(who, 0));
          Session heldOut = HeldOut.exact(simulator.session(who, 1));
          TrainingData test = TrainingData.build(List.of(heldOut), populationModel.frontEnd(), SET,
              populationModel.landmarkFrame(), w -> { });
          add(scores, progress, new Score(seed, who.id(), 0, "mean face",
              frameNme(HeldOut.meanFace(base.data(), test.size()), test.targets())));
          add(scores, progress, new Score(seed, who.id(), 0, "own mean face",
              frameNme(HeldOut.meanFace(test, test.size()), test.targets())));
          add(scores, progress, new Score(seed, who.id(), 0, "population",
              frameNme(populationModel.network().predict(test.windows()), test.targets())));
          for (double m : calibrationMinutes) {
            if (m == 0) {
              continue;
            }
            Session calibrate = calibration.firstSeconds(m * 60);
            TrainingData calibrated = TrainingData.build(List.of(calibrate), populationModel.frontEnd(), SET,
                populationModel.landmarkFrame(), w -> { });
            add(scores, progress, new Score(seed, who.id(), m, "calibration mean face",
                calibrated.size() == 0 ? new double[0]
                    : frameNme(HeldOut.meanFace(calibrated, test.size()), test.targets())));
            add(scores, progress, new Score(seed, who.id(), m, "fine-tuned", trainedScore(heldOut, () ->
                ModelTraining.fineTune(populationModel, List.of(calibrate), null,
                    TrainingOptions.fineTuning().withSeed(seed).withProgress(false), null, w -> { }))));
            add(scores, progress, new Score(seed, who.id(), m, "scratch", trainedScore(heldOut, () ->
                ModelTraining.train(List.of(calibrate), ModelTraining.frontEndFor(List.of(calibrate), Demo.FPS),
                    SET, null, seeded, null, w -> { }))));
          }
        }
      }
    }
    return scores;
  }

  private interface Training {
    ModelTraining.Outcome train() throws IOException;
  }

  /** The trained model's per-frame NME on the held-out session, none when the calibration is too short to train. */
  private static double[] trainedScore(Session heldOut, Training training) throws IOException {
    ModelTraining.Outcome trained;
    try {
      trained = training.train();
    } catch (BadInputException tooShort) {
      return new double[0];
    }
    try (TrackingModel model = trained.model()) {
      TrainingData test = TrainingData.build(List.of(heldOut), model.frontEnd(), SET, model.landmarkFrame(),
          w -> { });
      return frameNme(model.network().predict(test.windows()), test.targets());
    }
  }

  private static void add(List<Score> scores, Consumer<String> progress, Score s) {
    scores.add(s);
    progress.accept(String.format(Locale.ROOT, "seed %d %s, %s min calibration, %s: %s", s.seed(), s.participant(),
        minutes(s.calibrationMinutes()), s.model(), s.frameNme().length == 0 ? "too short to train"
            : String.format(Locale.ROOT, "NME %.3f %%", s.nme())));
  }

  private static double[] frameNme(float[][] predicted, float[][] truth) {
    NormalisedMeanError nme = new NormalisedMeanError(SET);
    double[] out = new double[truth.length];
    for (int f = 0; f < truth.length; f++) {
      out[f] = nme.framePercent(predicted[f], truth[f]);
    }
    return out;
  }

  /**
   * The table of mean NME over seeds and new people: one row per calibration length, the population model, the
   * population's and the person's own mean face at 0 minutes, fine-tuned and from-scratch models at every other
   * length.
   */
  public String summary(List<Score> scores) {
    String format = "%-12s" + " %18s".repeat(MODELS.size()) + "%n";
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, format,
        java.util.stream.Stream.concat(java.util.stream.Stream.of("calibration"), MODELS.stream()).toArray()));
    for (List<String> row : rows(scores)) {
      b.append(String.format(Locale.ROOT, format, row.toArray()));
    }
    return b.toString();
  }

  /** The report: the summary table and, per calibration length, the CDFs of per-frame NME of every model. */
  public HtmlReport report(List<Score> scores, String face) {
    HtmlReport report = new HtmlReport("mimik: a model for a new person");
    report.paragraph(String.format(Locale.ROOT, "A population model trained on one %s-minute session of each of %d"
        + " simulated participants (faces made by %s), each participant's landmarks moved onto the population's mean"
        + " face; %d participants it never saw, each with a calibration recording (the first minutes of their first"
        + " session) used to fine-tune it and to train a per-person model from scratch; every model scored on the"
        + " person's second session (NME, %%, per frame). The own mean face is an oracle: the person's mean shape on"
        + " that held-out session; the calibration mean face is the person's mean shape on the calibration, no"
        + " signal read. Seeds: %s.", minutes(minutes), population, face, newPeople,
        scores.stream().map(Score::seed).distinct().toList()));
    List<String> header = new ArrayList<>(List.of("calibration"));
    header.addAll(MODELS);
    report.table(header, rows(scores));
    for (double m : lengths()) {
      Map<String, ErrorCdf> cdfs = new LinkedHashMap<>();
      for (String model : MODELS) {
        double[] all = scores.stream().filter(s -> s.calibrationMinutes() == m && s.model().equals(model))
            .flatMapToDouble(s -> java.util.Arrays.stream(s.frameNme())).toArray();
        if (all.length > 0) {
          cdfs.put(model, ErrorCdf.of(all));
        }
      }
      report.chart(minutes(m) + " minutes of calibration", Charts.errorCdf("CDF of per-frame NME, " + minutes(m)
          + " min of calibration", "NME (%)", cdfs));
    }
    return report;
  }

  /** One row per calibration length: its label and every model's cell. */
  private List<List<String>> rows(List<Score> scores) {
    List<List<String>> rows = new ArrayList<>();
    for (double m : lengths()) {
      List<String> row = new ArrayList<>(List.of(minutes(m) + " min"));
      MODELS.forEach(model -> row.add(cell(scores, m, model)));
      rows.add(row);
    }
    return rows;
  }

  private List<Double> lengths() {
    List<Double> all = new ArrayList<>(List.of(0.0));
    calibrationMinutes.stream().filter(m -> m > 0).sorted().forEach(all::add);
    return all;
  }

  private static String cell(List<Score> scores, double m, String model) {
    double[] nme = scores.stream().filter(s -> s.calibrationMinutes() == m && s.model().equals(model))
        .mapToDouble(Score::nme).toArray();
    if (nme.length == 0) {
      return "-";
    }
    if (java.util.Arrays.stream(nme).anyMatch(Double::isNaN)) {
      return "too short";
    }
    return AccuracyBenchmark.Spread.of(nme).toString();
  }

  private static String minutes(double m) {
    return m == Math.rint(m) ? String.valueOf((long) m) : String.valueOf(m);
  }
}
