package dev.mimik.lab.ego;

import dev.mimik.eval.refa.RefaMetric;
import dev.mimik.sim.ego.EgoDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;

/**
 * The ablation of EgoNet's regressor (REFA §7.1): REFA's eye MLP per eye plus face MLP against one head on all
 * views' features concatenated, each trained on the same data with the same seeds and scored on the held-out
 * subjects with REFA's five metrics, eye closure on the wink segments alone and the true blendshape error. REFA
 * splits the eyes off so that winks survive a head that would otherwise learn the two eyes' strong correlation.
 */
public final class EgoHeadsStudy {

  /** The two regressors compared. */
  public enum Head {
    BRANCHES("eye + face MLPs", true),
    CONCATENATED("one concatenated head", false);

    private final String label;
    private final boolean eyeBranch;

    Head(String label, boolean eyeBranch) {
      this.label = label;
      this.eyeBranch = eyeBranch;
    }

    /** Its name in tables. */
    public String label() {
      return label;
    }
  }

  /** One model trained: its head, its seed and its figures on the held-out subjects. */
  public record Run(Head head, long seed, EgoDistillStudy.Row row) {}

  /**
   * A study's runs and the held-out subjects' pseudo ground truth, scored the same way.
   *
   * @param pseudoGroundTruth the pseudo labels of the held-out subjects as a model
   * @param runs every model, per seed both heads
   */
  public record Result(EgoDistillStudy.Row pseudoGroundTruth, List<Run> runs) {

    /** The mean over seeds of a head's figure (NaN values skipped; NaN if none). */
    public double mean(Head head, ToDoubleFunction<EgoDistillStudy.Row> figure) {
      return of(head, figure).average().orElse(Double.NaN);
    }

    /** The sample standard deviation over seeds of a head's figure (NaN with fewer than two values). */
    public double spread(Head head, ToDoubleFunction<EgoDistillStudy.Row> figure) {
      double[] v = of(head, figure).toArray();
      if (v.length < 2) {
        return Double.NaN;
      }
      double m = Arrays.stream(v).average().orElseThrow();
      double ss = 0;
      for (double x : v) {
        ss += (x - m) * (x - m);
      }
      return Math.sqrt(ss / (v.length - 1));
    }

    private DoubleStream of(Head head, ToDoubleFunction<EgoDistillStudy.Row> figure) {
      return runs.stream().filter(r -> r.head() == head).mapToDouble(r -> figure.applyAsDouble(r.row()))
          .filter(x -> !Double.isNaN(x));
    }
  }

  /** The figures of the summary, in its columns' order. */
  private static final List<Figure> FIGURES = List.of(
      new Figure("semantic", "%.3f", r -> r.heldOut().get(RefaMetric.SEMANTIC_ACCURACY)),
      new Figure("neutral", "%.3f", r -> r.heldOut().get(RefaMetric.NEUTRALNESS)),
      new Figure("smooth", "%.3f", r -> r.heldOut().get(RefaMetric.SMOOTHNESS)),
      new Figure("eye cl.", "%.3f", r -> r.heldOut().get(RefaMetric.EYE_CLOSURE)),
      new Figure("mouth cl.", "%.3f", r -> r.heldOut().get(RefaMetric.MOUTH_CLOSURE)),
      new Figure("eye cl. (winks)", "%.3f", EgoDistillStudy.Row::winkEyeClosure),
      new Figure("true MAE", "%.4f", EgoDistillStudy.Row::trueMae));

  private record Figure(String name, String format, ToDoubleFunction<EgoDistillStudy.Row> of) {}

  private final EgoDistillStudy.Options options;
  private final List<Long> seeds;
  private final Consumer<String> log;

  /**
   * @param options the network (whose head is set per run), the training (whose seed is set per run) and the
   *     held-out subjects
   * @param seeds training seeds; each trains both heads
   */
  public EgoHeadsStudy(EgoDistillStudy.Options options, List<Long> seeds, Consumer<String> log) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("at least one seed");
    }
    this.options = options;
    this.seeds = List.copyOf(seeds);
    this.log = log;
  }

  /** Reads the dataset once, then trains and scores both heads with every seed. */
  public Result run(EgoDataset dataset) throws IOException {
    EgoDistillStudy study = new EgoDistillStudy(options, log);
    EgoDistillStudy.Split s = study.split(dataset);
    List<Run> runs = new ArrayList<>();
    for (long seed : seeds) {
      for (Head head : Head.values()) {
        EgoDistillStudy.Row row = study.trainAndMeasure(s, options.network().withEyeBranch(head.eyeBranch),
            options.training().withSeed(seed), head.label(), null);
        runs.add(new Run(head, seed, row));
        log.accept(String.format(Locale.ROOT, "seed %d, %s: %s", seed, head.label(),
            EgoDistillStudy.figures(row)));
      }
    }
    return new Result(study.pseudoGroundTruth(s), runs);
  }

  /** Every run, then per head the mean and standard deviation over seeds, as Markdown. */
  public static String table(Result result) {
    StringBuilder b = new StringBuilder("| head | seed | " + EgoDistillStudy.FIGURES_HEADER + " |\n|---|---:|"
        + EgoDistillStudy.FIGURES_ALIGN + "\n");
    b.append("| pseudo GT (held-out subjects) | | ").append(EgoDistillStudy.figures(result.pseudoGroundTruth()))
        .append(" |\n");
    for (Run r : result.runs()) {
      b.append(String.format(Locale.ROOT, "| %s | %d | %s |%n", r.head().label(), r.seed(),
          EgoDistillStudy.figures(r.row())));
    }
    b.append("\nMean ± standard deviation over ").append(result.runs().size() / Head.values().length)
        .append(" seeds, held-out subjects:\n\n| head | ").append(EgoDistillStudy.FIGURES_HEADER).append(" |\n|---|")
        .append(EgoDistillStudy.FIGURES_ALIGN).append('\n');
    for (Head h : Head.values()) {
      b.append("| ").append(h.label());
      for (Figure f : FIGURES) {
        double m = result.mean(h, f.of());
        double sd = result.spread(h, f.of());
        b.append(" | ").append(Double.isNaN(m) ? "" : String.format(Locale.ROOT, f.format(), m));
        if (!Double.isNaN(sd)) {
          b.append(" ± ").append(String.format(Locale.ROOT, f.format(), sd));
        }
      }
      b.append(" |\n");
    }
    return b.toString();
  }
}
