package dev.mimik.learn.ego;

import dev.mimik.learn.ego.post.RangeOfMotion;
import dev.mimik.learn.ego.post.Smoothing;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * REFA's iterative distillation with ensembles (§7.2, Algorithm 1). Each round trains a pool of {@code pool} models
 * with different seeds on (the real recordings' current labels, the synthetic set) and as many on (the same labels
 * post-processed, the synthetic set); post-processing is a per-subject range-of-motion calibration followed by
 * temporal smoothing. Every model is scored by a {@link Scorer} on the real recordings (REFA's metrics, which need
 * only the recordings' protocol: never the truth, which a real user does not have); the {@code pool} best form the
 * round's ensemble, whose mean inference on the real frames becomes the next round's labels. The final model trains
 * on the last round's labels post-processed and the synthetic set.
 *
 * <p>Every model trained is handed to an {@link Observer} before it is closed, so that a caller can measure it (on
 * held-out subjects, against the truth where a simulation has it) without this class knowing how.
 */
public final class Distillation {

  /**
   * Scores a model's blendshapes on the real recordings; higher is better. REFA's metrics alone favour a face that
   * never moves; a scorer built on them must rank such a model last (as {@code EgoDistillStudy}'s does).
   */
  @FunctionalInterface
  public interface Scorer {
    /**
     * @param predictions per real recording, in the order given to {@link #run}, {@code [frame][ARKit-52]}
     */
    double score(List<double[][]> predictions);
  }

  /** Sees each model (and each ensemble) of the run. */
  public interface Observer {
    /**
     * A model of a round's pool, or the initial or final model.
     *
     * @param round 1-based round, 0 for the initial model, {@code rounds + 1} for the final one
     * @param name {@code raw-s3}, {@code post-s3}, {@code initial}, {@code final}
     * @param score its score on the real recordings
     * @param selected whether it joined the round's ensemble
     */
    void model(int round, String name, EgoModel model, double score, boolean selected) throws IOException;

    /** A round's ensemble: its members (closed after this call returns) and its score on the real recordings. */
    void ensemble(int round, List<EgoModel> members, double score) throws IOException;

    /**
     * The labels a round's models learn from, before any of them trains: round 1's are the pseudo labels, a later
     * round's its predecessor's ensemble, round {@code rounds + 1} the final model's (only its post-processed ones
     * are used). Per real recording, in the order given to {@link #run}; for measuring the labels themselves.
     */
    default void labels(int round, List<double[][]> labels, List<double[][]> postProcessed) throws IOException {}
  }

  /**
   * The settings of a run.
   *
   * @param rounds T, rounds of distillation
   * @param pool K, models per pool (two pools a round) and members of an ensemble
   * @param smoothingFrames standard deviation of the post-processing's Gaussian, frames
   */
  public record Settings(int rounds, int pool, double smoothingFrames) {
    public Settings {
      if (rounds < 1 || pool < 1 || smoothingFrames < 0) {
        throw new IllegalArgumentException("rounds and pool must be at least 1, smoothing not negative");
      }
    }
  }

  /** What a run ends with: the final model, and per round the ensemble's score on the real recordings. */
  public record Result(EgoModel model, double initialScore, List<Double> ensembleScores, double finalScore) {}

  private final EgoNetConfig config;
  private final EgoTrainingOptions options;
  private final Settings settings;
  private final List<String> cameras;

  public Distillation(EgoNetConfig config, EgoTrainingOptions options, Settings settings, List<String> cameras) {
    this.config = config;
    this.options = options;
    this.settings = settings;
    this.cameras = List.copyOf(cameras);
  }

  /**
   * Runs Algorithm 1.
   *
   * @param real the real recordings with their pseudo labels
   * @param synthetic the synthetic recordings with exact labels
   */
  public Result run(List<EgoClip> real, List<EgoClip> synthetic, Scorer scorer, Observer observer)
      throws IOException {
    if (real.isEmpty() || real.stream().anyMatch(c -> c.labels() == null)) {
      throw new IllegalArgumentException("distillation needs real recordings, each with pseudo labels");
    }
    RangeOfMotion calibration = RangeOfMotion.of(RangeOfMotion.peaks(
        (synthetic.isEmpty() ? real : synthetic).stream().map(EgoClip::labels).toList()));
    List<double[][]> labels = real.stream().map(EgoClip::labels).toList();
    double initialScore;
    try (EgoModel initial = train(real, labels, synthetic, options.seed())) {
      initialScore = scorer.score(predict(initial, real));
      observer.model(0, "initial", initial, initialScore, false);
    }
    List<Double> ensembleScores = new ArrayList<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      List<double[][]> post = postProcess(real, labels, calibration);
      observer.labels(round, labels, post);
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, EgoModel> models = new LinkedHashMap<>();
      try {
        for (int k = 0; k < settings.pool(); k++) {
          long seed = options.seed() + 1000L * round + k;
          for (boolean processed : new boolean[] {false, true}) {
            String name = (processed ? "post-s" : "raw-s") + seed;
            EgoModel m = train(real, processed ? post : labels, synthetic, seed);
            models.put(name, m);
            scores.put(name, scorer.score(predict(m, real)));
          }
        }
        List<String> best = scores.keySet().stream()
            .sorted(Comparator.comparingDouble((String n) -> -scores.get(n)).thenComparing(n -> n))
            .limit(settings.pool()).toList();
        for (Map.Entry<String, EgoModel> e : models.entrySet()) {
          observer.model(round, e.getKey(), e.getValue(), scores.get(e.getKey()), best.contains(e.getKey()));
        }
        List<EgoModel> members = best.stream().map(models::get).toList();
        labels = ensemble(members, real);
        double score = scorer.score(labels);
        ensembleScores.add(score);
        observer.ensemble(round, members, score);
        if (options.showProgress()) {
          System.err.printf(Locale.ROOT, "round %d: best %s (%.3f), ensemble %.3f%n", round, best.get(0),
              scores.get(best.get(0)), score);
        }
      } finally {
        models.values().forEach(EgoModel::close);
      }
    }
    List<double[][]> post = postProcess(real, labels, calibration);
    observer.labels(settings.rounds() + 1, labels, post);
    EgoModel last = train(real, post, synthetic, options.seed() + 999_999L);
    double finalScore = scorer.score(predict(last, real));
    observer.model(settings.rounds() + 1, "final", last, finalScore, false);
    return new Result(last, initialScore, List.copyOf(ensembleScores), finalScore);
  }

  /** The mean of the members' blendshapes on each recording. */
  public static List<double[][]> ensemble(List<EgoModel> members, List<EgoClip> clips) {
    List<double[][]> out = new ArrayList<>();
    for (EgoClip c : clips) {
      double[][] sum = null;
      for (EgoModel m : members) {
        double[][] p = m.blendshapes(c);
        if (sum == null) {
          sum = p;
        } else {
          for (int f = 0; f < p.length; f++) {
            for (int k = 0; k < p[f].length; k++) {
              sum[f][k] += p[f][k];
            }
          }
        }
      }
      for (double[] row : sum) {
        for (int k = 0; k < row.length; k++) {
          row[k] /= members.size();
        }
      }
      out.add(sum);
    }
    return out;
  }

  /** Each model's blendshapes on each recording. */
  public static List<double[][]> predict(EgoModel model, List<EgoClip> clips) {
    return clips.stream().map(model::blendshapes).toList();
  }

  /**
   * REFA's post-processing of labels: a range-of-motion calibration fitted per subject on all their recordings,
   * then a zero-phase Gaussian smoothing.
   */
  public List<double[][]> postProcess(List<EgoClip> clips, List<double[][]> labels, RangeOfMotion calibration) {
    Map<String, List<double[][]>> bySubject = new LinkedHashMap<>();
    for (int i = 0; i < clips.size(); i++) {
      bySubject.computeIfAbsent(clips.get(i).subject(), s -> new ArrayList<>()).add(labels.get(i));
    }
    Map<String, RangeOfMotion.Calibration> fitted = new LinkedHashMap<>();
    bySubject.forEach((s, l) -> fitted.put(s, calibration.fit(l)));
    List<double[][]> out = new ArrayList<>();
    for (int i = 0; i < clips.size(); i++) {
      out.add(Smoothing.gaussian(fitted.get(clips.get(i).subject()).apply(labels.get(i)),
          settings.smoothingFrames()));
    }
    return out;
  }

  private EgoModel train(List<EgoClip> real, List<double[][]> labels, List<EgoClip> synthetic, long seed)
      throws IOException {
    List<EgoClip> relabelled = new ArrayList<>();
    for (int i = 0; i < real.size(); i++) {
      relabelled.add(real.get(i).withLabels(labels.get(i)));
    }
    return new EgoTrainer(options.withSeed(seed)).train(config, cameras, relabelled, synthetic, null).model();
  }
}
