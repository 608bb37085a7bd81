package dev.mimik.lab.ego;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.ArtPriors;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.eval.refa.AvatarGauge;
import dev.mimik.eval.refa.RefaMetric;
import dev.mimik.eval.refa.RefaMetrics;
import dev.mimik.eval.refa.RefaScores;
import dev.mimik.eval.refa.RefaTable;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.ego.Distillation;
import dev.mimik.learn.ego.EgoClip;
import dev.mimik.learn.ego.EgoModel;
import dev.mimik.learn.ego.EgoModelFile;
import dev.mimik.learn.ego.EgoNetConfig;
import dev.mimik.learn.ego.EgoTrainer;
import dev.mimik.learn.ego.EgoTrainingOptions;
import dev.mimik.learn.ego.post.RangeOfMotion;
import dev.mimik.sim.ego.EgoDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * EgoNet trained on a headset dataset, alone ({@link #train}) or by iterative distillation ({@link #distill}), and
 * measured as REFA measures it and as REFA could not: the real-domain subjects are split into training subjects
 * (whose frames and pseudo labels the models learn from, and on whose protocol REFA's metrics select the models)
 * and held-out subjects no model sees, on whom every model is scored with REFA's five metrics and, where the
 * dataset is simulated, its true blendshape error. Selection never looks at the truth.
 */
public final class EgoDistillStudy {

  /** The least semantic accuracy plus eye closure of a model that counts as moving ({@link #selectionScore}). */
  public static final double MIN_MOTION = 0.1;

  /** The header of the held-out figures' columns of the Markdown tables. */
  static final String FIGURES_HEADER =
      "semantic | neutral | smooth | eye cl. | mouth cl. | eye cl. (winks) | true MAE";
  static final String FIGURES_ALIGN = "---:|---:|---:|---:|---:|---:|---:|";

  /**
   * The study's settings.
   *
   * @param network the network
   * @param training how each model trains
   * @param heldOutSubjects real-domain subjects kept out of training (the last ones of the manifest)
   * @param smoothingFrames standard deviation of the post-processing's Gaussian, frames
   */
  public record Options(EgoNetConfig network, EgoTrainingOptions training, int heldOutSubjects,
      double smoothingFrames) {}

  /**
   * One model or ensemble measured.
   *
   * @param round 0 initial, 1..T rounds, T+1 final
   * @param name {@code initial}, {@code raw-s1001}, {@code ensemble}, {@code final}, {@code final+post}
   * @param selectionScore {@link #selectionScore(RefaScores)} on the training subjects (what selection sees)
   * @param selected whether it joined its round's ensemble
   * @param heldOut REFA's metrics on the held-out subjects (on the training subjects in a study's label rows)
   * @param winkEyeClosure eye closure on the held-out subjects' wink segments alone
   *     ({@link RefaMetrics#winkEyeClosure}, aggregated over recordings and subjects as REFA's metrics are; NaN if
   *     they have none)
   * @param trueMae mean absolute error against the truth on the held-out subjects over all frames and ARKit-52
   *     blendshapes (NaN without truth)
   */
  public record Row(int round, String name, double selectionScore, boolean selected, RefaScores heldOut,
      double winkEyeClosure, double trueMae) {}

  /**
   * One round of REFA's Table 2, on the held-out subjects: the round's best single selected model (the teacher a
   * pool of one would have given, chosen by the selection score as the ensemble's members are) beside the ensemble
   * of all its selected models.
   */
  public record TeacherRow(int round, Row single, Row ensemble) {

    /**
     * On how many of the six figures (REFA's five metrics, higher better; the true MAE, lower better) the ensemble
     * does strictly better than the single teacher; a figure either lacks (NaN) counts for neither.
     */
    public int ensembleBetter() {
      return better(ensemble, single);
    }

    /** On how many of the six figures the single teacher does strictly better. */
    public int singleBetter() {
      return better(single, ensemble);
    }

    private static int better(Row a, Row b) {
      int n = 0;
      for (RefaMetric m : RefaMetric.values()) {
        n += a.heldOut().get(m) > b.heldOut().get(m) ? 1 : 0;
      }
      return n + (a.trueMae() < b.trueMae() ? 1 : 0);
    }
  }

  /**
   * The rows of a study, the held-out subjects' pseudo ground truth first, and the labels that the models learnt
   * from, scored as rows are but on the training subjects (REFA's metrics, and the truth where simulated): per round
   * its labels as they are and post-processed, round 0 the training subjects' truth itself (the ceiling).
   */
  public record Result(List<Row> rows, List<Row> labels) {

    /** A study without label rows (a model trained alone). */
    public Result(List<Row> rows) {
      this(rows, List.of());
    }
  }

  private final Options options;
  private final Consumer<String> log;

  public EgoDistillStudy(Options options, Consumer<String> log) {
    this.options = options;
    this.log = log;
  }

  /** The dataset's recordings split for a study. */
  record Split(List<EgoRecordings> real, List<EgoRecordings> synthetic, List<EgoRecordings> heldOut,
      List<String> cameras, RefaMetrics metrics) {}

  /** The held-out subjects of a dataset: the last {@code heldOutSubjects} real-domain subjects of its manifest. */
  public List<String> heldOutSubjects(EgoDataset dataset) {
    List<String> realSubjects = new ArrayList<>(new LinkedHashSet<>(dataset.recordings().stream()
        .filter(e -> e.domain().equals("real")).map(EgoDataset.Entry::subject).toList()));
    if (realSubjects.size() <= options.heldOutSubjects()) {
      throw new BadInputException(dataset.dir(), "has " + realSubjects.size() + " real-domain subjects; "
          + options.heldOutSubjects() + " are held out and at least one more must train");
    }
    return List.copyOf(realSubjects.subList(realSubjects.size() - options.heldOutSubjects(), realSubjects.size()));
  }

  Split split(EgoDataset dataset) throws IOException {
    List<String> held = heldOutSubjects(dataset);
    List<EgoRecordings> real = new ArrayList<>();
    List<EgoRecordings> synthetic = new ArrayList<>();
    List<EgoRecordings> heldOut = new ArrayList<>();
    int size = options.network().imageSize();
    int n = dataset.recordings().size();
    int i = 0;
    for (EgoDataset.Entry e : dataset.recordings()) {
      log.accept(String.format(Locale.ROOT, "reading %s (%d/%d)", e.recording(), ++i, n));
      if (e.labels().equals("none")) {
        continue;
      }
      EgoRecordings r = EgoRecordings.read(dataset, e, size);
      if (!e.domain().equals("real")) {
        synthetic.add(r);
      } else if (held.contains(e.subject())) {
        if (r.segments() == null) {
          throw new BadInputException(dataset.folder(e), "has no segments.csv: held-out subjects are scored by"
              + " REFA's metrics, which need the protocol");
        }
        heldOut.add(r);
      } else {
        if (r.segments() == null) {
          throw new BadInputException(dataset.folder(e), "has no segments.csv: models are selected by REFA's"
              + " metrics, which need the protocol");
        }
        real.add(r);
      }
    }
    ArtPriors priors = dataset.artPriors();
    return new Split(real, synthetic, heldOut, EgoRecordings.cameras(dataset),
        new RefaMetrics(priors, new AvatarGauge(EmbeddedRig.load())));
  }

  /** Trains one model on the training subjects' pseudo labels and the synthetic set and writes it. */
  public Result train(EgoDataset dataset, Path modelFile) throws IOException {
    Split s = split(dataset);
    return new Result(List.of(pseudoGroundTruth(s),
        trainAndMeasure(s, options.network(), options.training(), "model", modelFile)));
  }

  /** The held-out subjects' pseudo ground truth, scored as a model is. */
  Row pseudoGroundTruth(Split s) {
    return measure(s, 0, "pseudo GT", labelsOf(s.heldOut()), s.heldOut(), Double.NaN, false);
  }

  /**
   * Trains one model on a split's training subjects and synthetic set, measures it on the held-out subjects and,
   * if {@code modelFile} is not null, writes it.
   */
  Row trainAndMeasure(Split s, EgoNetConfig network, EgoTrainingOptions training, String name, Path modelFile)
      throws IOException {
    try (EgoModel model = new EgoTrainer(training).train(network, s.cameras(), clips(s.real()), clips(s.synthetic()),
        null).model()) {
      Row row = row(s, 0, name, model, selectionScore(s, Distillation.predict(model, clips(s.real()))), false);
      if (modelFile != null) {
        EgoModelFile.write(model, modelFile);
      }
      return row;
    }
  }

  /** Runs Algorithm 1 and writes the final model. */
  public Result distill(EgoDataset dataset, Distillation.Settings settings, Path modelFile) throws IOException {
    Split s = split(dataset);
    List<Row> rows = new ArrayList<>();
    rows.add(pseudoGroundTruth(s));
    List<Row> labels = new ArrayList<>();
    if (s.real().stream().allMatch(r -> r.truth() != null)) {
      labels.add(measure(s, 0, "truth", s.real().stream().map(EgoRecordings::truth).toList(), s.real(), Double.NaN,
          false));
    }
    Distillation.Observer observer = new Distillation.Observer() {
      @Override
      public void model(int round, String name, EgoModel model, double score, boolean selected) {
        rows.add(row(s, round, name, model, score, selected));
        log.accept(String.format(Locale.ROOT, "round %d %s: selection %.3f, held-out %.3f, true MAE %.4f", round,
            name, score, rows.get(rows.size() - 1).heldOut().overall(), rows.get(rows.size() - 1).trueMae()));
        if (name.equals("final")) {
          rows.add(postProcessed(s, round, model));
        }
      }

      @Override
      public void ensemble(int round, List<EgoModel> members, double score) {
        List<double[][]> p = Distillation.ensemble(members, clips(s.heldOut()));
        rows.add(measure(s, round, "ensemble", p, s.heldOut(), score, true));
        log.accept(String.format(Locale.ROOT, "round %d ensemble: selection %.3f, held-out %.3f, true MAE %.4f",
            round, score, rows.get(rows.size() - 1).heldOut().overall(), rows.get(rows.size() - 1).trueMae()));
      }

      @Override
      public void labels(int round, List<double[][]> raw, List<double[][]> post) {
        labels.add(measure(s, round, "labels", raw, s.real(), Double.NaN, false));
        labels.add(measure(s, round, "labels, post-processed", post, s.real(), Double.NaN, false));
      }
    };
    Distillation.Result r = new Distillation(options.network(), options.training(), settings, s.cameras())
        .run(clips(s.real()), clips(s.synthetic()), p -> selectionScore(s, p), observer);
    try (EgoModel model = r.model()) {
      EgoModelFile.write(model, modelFile);
    }
    return new Result(rows, labels);
  }

  /** The final model with REFA's post-processing on its own held-out predictions (per subject, offline). */
  private Row postProcessed(Split s, int round, EgoModel model) {
    RangeOfMotion calibration = RangeOfMotion.of(model.statistics().peaks());
    List<EgoClip> clips = clips(s.heldOut());
    Distillation d = new Distillation(options.network(), options.training(),
        new Distillation.Settings(1, 1, options.smoothingFrames()), s.cameras());
    List<double[][]> p = d.postProcess(clips, Distillation.predict(model, clips), calibration);
    return measure(s, round, "final+post", p, s.heldOut(), Double.NaN, false);
  }

  private Row row(Split s, int round, String name, EgoModel model, double score, boolean selected) {
    return measure(s, round, name, Distillation.predict(model, clips(s.heldOut())), s.heldOut(), score, selected);
  }

  /** Scores predictions on recordings with REFA's metrics and against the truth. */
  private static Row measure(Split s, int round, String name, List<double[][]> predictions,
      List<EgoRecordings> on, double selectionScore, boolean selected) {
    List<RefaTable.Entry> entries = new ArrayList<>();
    List<RefaTable.Entry> winks = new ArrayList<>();
    double err = 0;
    long n = 0;
    for (int i = 0; i < on.size(); i++) {
      EgoRecordings r = on.get(i);
      BlendshapeTrack track = r.track(predictions.get(i));
      entries.add(new RefaTable.Entry(r.entry().subject(), r.entry().recording(),
          s.metrics().score(track, r.segments())));
      // the wink figure rides in the eye-closure slot so that REFA's three-level aggregation weighs it the same way
      winks.add(new RefaTable.Entry(r.entry().subject(), r.entry().recording(), new RefaScores(
          Map.of(RefaMetric.EYE_CLOSURE, s.metrics().winkEyeClosure(track, r.segments())))));
      if (r.truth() != null) {
        double[][] p = predictions.get(i);
        for (int f = 0; f < p.length; f++) {
          for (int k = 0; k < p[f].length; k++) {
            err += Math.abs(p[f][k] - r.truth()[f][k]);
            n++;
          }
        }
      }
    }
    return new Row(round, name, selectionScore, selected, new RefaTable(entries).dataset().scores(),
        new RefaTable(winks).dataset().scores().get(RefaMetric.EYE_CLOSURE), n == 0 ? Double.NaN : err / n);
  }

  /** What selection sees: {@link #selectionScore(RefaScores)} of REFA's metrics over the training subjects. */
  private static double selectionScore(Split s, List<double[][]> predictions) {
    List<RefaTable.Entry> entries = new ArrayList<>();
    for (int i = 0; i < s.real().size(); i++) {
      EgoRecordings r = s.real().get(i);
      entries.add(new RefaTable.Entry(r.entry().subject(), r.entry().recording(),
          s.metrics().score(r.track(predictions.get(i)), r.segments())));
    }
    return selectionScore(new RefaTable(entries).dataset().scores());
  }

  /**
   * A model's selection score from REFA's five metrics on the training subjects: their mean, guarded against the
   * still face. A face that never moves scores 1 on neutralness, smoothness and mouth closure and 0 on semantic
   * accuracy and eye closure, a mean of 0.6 that a model which moves, and so errs now and then, easily falls below;
   * unguarded, selection kept the stillest models. A model whose semantic accuracy and eye closure add up to less
   * than {@link #MIN_MOTION} therefore scores its mean minus 1, below every model that moves: it joins an ensemble
   * only when too few models of its round move. A metric without segments (NaN) counts as 0 here.
   */
  public static double selectionScore(RefaScores scores) {
    double motion = zeroIfNaN(scores.get(RefaMetric.SEMANTIC_ACCURACY)) + zeroIfNaN(scores.get(RefaMetric.EYE_CLOSURE));
    return motion < MIN_MOTION ? scores.overall() - 1 : scores.overall();
  }

  private static double zeroIfNaN(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static List<double[][]> labelsOf(List<EgoRecordings> rs) {
    return rs.stream().map(r -> r.clip().labels()).toList();
  }

  private static List<EgoClip> clips(List<EgoRecordings> rs) {
    return rs.stream().map(EgoRecordings::clip).toList();
  }

  /**
   * REFA's Table 2 from a distillation's rows: per round that has an ensemble, the selected model with the highest
   * selection score (ties to the first name, as {@link Distillation} orders them) beside the ensemble.
   */
  public static List<TeacherRow> teachers(Result result) {
    List<TeacherRow> out = new ArrayList<>();
    for (Row e : result.rows()) {
      if (!e.name().equals("ensemble")) {
        continue;
      }
      result.rows().stream()
          .filter(r -> r.round() == e.round() && r.selected() && r != e)
          .min(Comparator.comparingDouble((Row r) -> -r.selectionScore()).thenComparing(Row::name))
          .ifPresent(single -> out.add(new TeacherRow(e.round(), single, e)));
    }
    return out;
  }

  /** The rows as JSON ({@code docs/FORMATS.md}, ego distillation results). */
  public static void writeJson(Result result, Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("format", "mimik-ego-study/1");
    ArrayNode rows = root.putArray("rows");
    for (Row r : result.rows()) {
      ObjectNode o = rows.addObject();
      o.put("round", r.round());
      o.put("name", r.name());
      putNumber(o, "selection_score", r.selectionScore());
      o.put("selected", r.selected());
      putFigures(o, "held_out", r);
    }
    ArrayNode labels = root.putArray("training_labels");
    for (Row r : result.labels()) {
      putFigures(labels.addObject().put("round", r.round()).put("name", r.name()), "training_subjects", r);
    }
    ArrayNode teachers = root.putArray("single_teacher_vs_ensemble");
    for (TeacherRow t : teachers(result)) {
      teachers.addObject().put("round", t.round()).put("single_teacher", t.single().name())
          .put("ensemble_better", t.ensembleBetter()).put("single_better", t.singleBetter());
    }
    AtomicFiles.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  /**
   * The rows as a Markdown table, one line each, followed where the rows hold ensembles by REFA's Table 2 (single
   * teacher against ensemble per round, {@link #teachers}) and where the study has them by the label rows.
   */
  public static String table(Result result) {
    StringBuilder b = new StringBuilder("| round | model | selection | sel. | " + FIGURES_HEADER + " |\n"
        + "|---:|---|---:|---|" + FIGURES_ALIGN + "\n");
    for (Row r : result.rows()) {
      b.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s |%n", r.round(), r.name(), f(r.selectionScore()),
          r.selected() ? "yes" : "", figures(r)));
    }
    List<TeacherRow> teachers = teachers(result);
    if (!teachers.isEmpty()) {
      b.append("\nSingle teacher against ensemble (REFA Table 2), on the held-out subjects: per round the selected"
          + " model with the best selection score beside the ensemble of the selected models. \"better on\" counts"
          + " REFA's five metrics and the true MAE.\n\n");
      b.append("| round | teacher | model | " + FIGURES_HEADER + " | better on |\n|---:|---|---|" + FIGURES_ALIGN
          + "---:|\n");
      for (TeacherRow t : teachers) {
        b.append(String.format(Locale.ROOT, "| %d | single teacher | %s | %s | %d of 6 |%n", t.round(),
            t.single().name(), figures(t.single()), t.singleBetter()));
        b.append(String.format(Locale.ROOT, "| %d | ensemble | %d members | %s | %d of 6 |%n", t.round(),
            members(result, t.round()), figures(t.ensemble()), t.ensembleBetter()));
      }
    }
    if (!result.labels().isEmpty()) {
      b.append("\nThe labels each round's models learn from, on the training subjects (REFA's metrics, and the truth"
          + " where simulated; selection never sees the truth): round 1's are the pseudo labels, a later round's the"
          + " ensemble of the round before, the last round's the final model's; round 0 is the truth itself.\n\n");
      b.append("| round | labels | " + FIGURES_HEADER + " |\n|---:|---|" + FIGURES_ALIGN + "\n");
      for (Row r : result.labels()) {
        b.append(String.format(Locale.ROOT, "| %d | %s | %s |%n", r.round(), r.name(), figures(r)));
      }
    }
    return b.toString();
  }

  /** A row's held-out figures as Markdown cells ({@link #FIGURES_HEADER}). */
  static String figures(Row r) {
    return String.join(" | ", f(r.heldOut().get(RefaMetric.SEMANTIC_ACCURACY)),
        f(r.heldOut().get(RefaMetric.NEUTRALNESS)), f(r.heldOut().get(RefaMetric.SMOOTHNESS)),
        f(r.heldOut().get(RefaMetric.EYE_CLOSURE)), f(r.heldOut().get(RefaMetric.MOUTH_CLOSURE)),
        f(r.winkEyeClosure()), Double.isNaN(r.trueMae()) ? "" : String.format(Locale.ROOT, "%.4f", r.trueMae()));
  }

  private static long members(Result result, int round) {
    return result.rows().stream().filter(r -> r.round() == round && r.selected() && !r.name().equals("ensemble"))
        .count();
  }

  private static String f(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** A row's five metrics and wink closure under {@code key}, and its true MAE. */
  private static void putFigures(ObjectNode o, String key, Row r) {
    ObjectNode h = o.putObject(key);
    for (RefaMetric m : RefaMetric.values()) {
      putNumber(h, m.key(), r.heldOut().get(m));
    }
    putNumber(h, "eye_closure_winks", r.winkEyeClosure());
    putNumber(o, "true_mae", r.trueMae());
  }

  private static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      o.put(key, v);
    }
  }
}
