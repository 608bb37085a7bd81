package dev.mimik.lab.ego;

import dev.mimik.core.io.AtomicFiles;
import dev.mimik.eval.refa.RefaMetric;
import dev.mimik.eval.refa.RefaScores;
import dev.mimik.eval.refa.SourceResult;
import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.Headsets;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.ego.Distillation;
import dev.mimik.learn.ego.EgoModel;
import dev.mimik.learn.ego.EgoModelFile;
import dev.mimik.learn.ego.EgoNetConfig;
import dev.mimik.learn.ego.EgoTrainingOptions;
import dev.mimik.sim.ego.Domain;
import dev.mimik.sim.ego.EgoDataset;
import dev.mimik.sim.ego.EgoSettings;
import dev.mimik.sim.ego.EgoSimulator;
import dev.mimik.sim.ego.PseudoLabeller;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The headset model end to end in minutes ({@code mimik ego demo}): simulates a small headset dataset (subjects
 * alternating between the synthetic domain and the "real" one, which is simulated too: another face model with pseudo
 * ground truth fitted to detected keypoints), runs REFA's iterative distillation with a small number of rounds and
 * models, tracks the held-out subjects' recordings with the final model through the shared pipeline, and writes the
 * per-round table, the tracked blendshapes and a report that sets the held-out figures beside REFA's final ones.
 */
public final class EgoDemo {

  /** REFA's final model (their Table 1), the targets for the five metrics, in {@link RefaMetric} order. */
  public static final Map<RefaMetric, Double> TARGETS = targets();

  /** The least rise in semantic accuracy from the initial to the final model the issue asks of distillation. */
  public static final double TARGET_RISE = 0.2;

  /**
   * What the demo does.
   *
   * @param subjects subjects simulated, alternating synthetic and real (so half are real)
   * @param minutes length of each recording
   * @param seed seed of the simulation and of the models
   * @param threads recordings simulated at once
   * @param realFace the rig of the real domain (the ICT face where present)
   * @param heldOut real subjects held out (tracked, never trained on)
   * @param distillation rounds, pool and post-processing
   * @param network the network
   * @param training how each model trains
   */
  public record Settings(int subjects, double minutes, long seed, int threads, FaceRig realFace, int heldOut,
      Distillation.Settings distillation, EgoNetConfig network, EgoTrainingOptions training) {

    public Settings {
      checkSubjects(subjects, heldOut);
    }
  }

  /**
   * What the demo measured.
   *
   * @param study every model of the distillation on the held-out subjects
   * @param tracked per held-out recording its name and the final model's tracking through the pipeline
   * @param cpuSeconds CPU time of the whole process per step: simulation, distillation, tracking
   */
  public record Result(EgoDistillStudy.Result study, Map<String, EgoTrack.Result> tracked,
      Map<String, Double> cpuSeconds) {}

  /** Training steps per model of the demo. */
  public static final int STEPS = 1200;

  /** Steps per epoch (a checkpoint's worth; the demo writes none). */
  static final int STEPS_PER_EPOCH = 100;

  /** Frames of each domain per mini-batch of the demo's models. */
  static final int BATCH = 16;

  private EgoDemo() {}

  /**
   * Refuses a dataset without a held-out real subject, a real subject to train on and as many synthetic ones (the
   * subjects alternate between the domains).
   *
   * @throws IllegalArgumentException naming the counts
   */
  public static void checkSubjects(int subjects, int heldOut) {
    if (subjects < 2 * (heldOut + 1) || heldOut < 1) {
      throw new IllegalArgumentException("at least one held-out real subject, one real subject to train on, and"
          + " as many synthetic ones: " + subjects + " subjects, " + heldOut + " held out");
    }
  }

  /**
   * The demo's settings: the default network, {@code steps} steps of {@link #BATCH} + {@link #BATCH} frames per
   * model and otherwise the default training, recordings simulated two at a time.
   */
  public static Settings settings(int subjects, double minutes, int heldOut, int steps, long seed,
      Distillation.Settings distillation, FaceRig realFace) {
    int epochs = Math.max(1, steps / STEPS_PER_EPOCH);
    EgoTrainingOptions training = EgoTrainingOptions.defaults().withEpochs(epochs, Math.max(1, steps / epochs))
        .withBatch(BATCH).withSeed(seed);
    return new Settings(subjects, minutes, seed, 2, realFace, heldOut, distillation, EgoNetConfig.defaults(),
        training);
  }

  /**
   * Runs the demo into {@code out}: {@code data/} (the simulated dataset), {@code ego.model}, {@code study.json},
   * {@code study.md}, {@code track/RECORDING/} per held-out recording and {@code report.md}.
   */
  public static Result run(Settings s, Path out, Consumer<String> log) throws IOException {
    Files.createDirectories(out);
    Map<String, Double> cpu = new LinkedHashMap<>();
    double start = processCpuSeconds();
    Path data = out.resolve("data");
    log.accept("simulating " + s.subjects() + " subjects x " + s.minutes() + " min");
    Headset headset = Headsets.builtIn("refa5");
    FaceRig rig = EmbeddedRig.load();
    new EgoSimulator(new EgoSettings(s.subjects(), 1, s.minutes(), s.seed(), headset,
        Headsets.builtIn("refa5-collect").groundTruthCameras(), List.of(Domain.SYNTHETIC, Domain.REAL),
        s.network().imageSize(), s.threads(), rig, s.realFace(), rig, PseudoLabeller.SPARSITY))
        .write(data, f -> { });
    double t = processCpuSeconds();
    cpu.put("simulation", t - start);

    EgoDataset dataset = EgoDataset.open(data);
    EgoDistillStudy study = new EgoDistillStudy(new EgoDistillStudy.Options(s.network(), s.training(), s.heldOut(),
        s.distillation().smoothingFrames()), log);
    Path modelFile = out.resolve("ego.model");
    EgoDistillStudy.Result r = study.distill(dataset, s.distillation(), modelFile);
    EgoDistillStudy.writeJson(r, out.resolve("study.json"));
    AtomicFiles.writeString(out.resolve("study.md"), EgoDistillStudy.table(r));
    double t2 = processCpuSeconds();
    cpu.put("distillation", t2 - t);

    Map<String, EgoTrack.Result> tracked = new LinkedHashMap<>();
    List<String> held = study.heldOutSubjects(dataset);
    FaceRig avatar = EmbeddedRig.load();
    try (EgoModel model = EgoModelFile.read(modelFile)) {
      for (EgoDataset.Entry e : dataset.recordings()) {
        if (held.contains(e.subject())) {
          log.accept("tracking " + e.recording());
          EgoTrack.Result tr = EgoTrack.run(model, dataset.folder(e), e.fps());
          EgoTrack.write(tr, "mimik ego demo: " + e.recording(), avatar, out.resolve("track").resolve(e.recording().replace('/', '-')));
          tracked.put(e.recording(), tr);
        }
      }
    }
    cpu.put("tracking", processCpuSeconds() - t2);
    Result result = new Result(r, tracked, cpu);
    AtomicFiles.writeString(out.resolve("report.md"), report(s, result));
    return result;
  }

  /** The report: the per-round table, the tracked held-out recordings, the targets and how far each is. */
  static String report(Settings s, Result r) {
    StringBuilder b = new StringBuilder("# mimik ego demo\n\n");
    b.append("The \"real\" domain is simulated: its subjects are rendered on another face model and labelled by a"
        + " fitted pseudo ground truth, never a person.\n\n");
    b.append(String.format(Locale.ROOT, "%d subjects x %.2f min (%d held out), %d px views, T = %d rounds, K = %d,"
        + " each model %d x %d steps of %d + %d frames, seed %d.%n%n", s.subjects(), s.minutes(), s.heldOut(),
        s.network().imageSize(), s.distillation().rounds(), s.distillation().pool(), s.training().epochs(),
        s.training().stepsPerEpoch(), s.training().batchPerDomain(), s.training().batchPerDomain(), s.seed()));
    b.append("## Every model on the held-out subjects (selection on the training subjects only)\n\n");
    b.append(EgoDistillStudy.table(r.study())).append('\n');
    EgoDistillStudy.Row initial = find(r.study(), "initial");
    EgoDistillStudy.Row last = find(r.study(), "final");
    if (initial != null && last != null) {
      b.append("## The final model against the issue's targets (REFA's final model)\n\n");
      b.append("| metric | final | target | short by |\n|---|---:|---:|---:|\n");
      for (Map.Entry<RefaMetric, Double> e : TARGETS.entrySet()) {
        double v = last.heldOut().get(e.getKey());
        b.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %s |%n", e.getKey().title(), v, e.getValue(),
            v >= e.getValue() ? "reached" : String.format(Locale.ROOT, "%.3f", e.getValue() - v)));
      }
      double rise = last.heldOut().get(RefaMetric.SEMANTIC_ACCURACY)
          - initial.heldOut().get(RefaMetric.SEMANTIC_ACCURACY);
      b.append(String.format(Locale.ROOT, "| semantic accuracy, final minus initial | %.3f | %.3f | %s |%n", rise,
          TARGET_RISE, rise >= TARGET_RISE ? "reached" : String.format(Locale.ROOT, "%.3f", TARGET_RISE - rise)));
      b.append(String.format(Locale.ROOT, "| true MAE, final (initial %.4f) | %.4f | lower | %s |%n%n",
          initial.trueMae(), last.trueMae(), last.trueMae() < initial.trueMae() ? "reached" : "not reached"));
    }
    b.append("## The final model tracking the held-out recordings through the pipeline\n\n");
    b.append("| recording | frames | flagged | semantic | neutral | smooth | eye cl. | mouth cl. | CPU ms/frame |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, EgoTrack.Result> e : r.tracked().entrySet()) {
      EgoTrack.Result t = e.getValue();
      RefaScores sc = t.metrics() == null ? new RefaScores(Map.of()) : dataset(t.metrics());
      double ms = Arrays.stream(t.cpuMillis()).average().orElse(Double.NaN);
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f |%n", e.getKey(),
          t.blendshapes().frameCount(), t.flagged(), sc.get(RefaMetric.SEMANTIC_ACCURACY),
          sc.get(RefaMetric.NEUTRALNESS), sc.get(RefaMetric.SMOOTHNESS), sc.get(RefaMetric.EYE_CLOSURE),
          sc.get(RefaMetric.MOUTH_CLOSURE), ms));
    }
    b.append("\n## CPU time of the process\n\n| step | CPU s |\n|---|---:|\n");
    double total = 0;
    for (Map.Entry<String, Double> e : r.cpuSeconds().entrySet()) {
      b.append(String.format(Locale.ROOT, "| %s | %.1f |%n", e.getKey(), e.getValue()));
      total += e.getValue();
    }
    b.append(String.format(Locale.ROOT, "| total | %.1f |%n", total));
    return b.toString();
  }

  private static RefaScores dataset(List<SourceResult> results) {
    return results.get(0).table().dataset().scores();
  }

  private static EgoDistillStudy.Row find(EgoDistillStudy.Result r, String name) {
    return r.rows().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
  }

  /** CPU time of the whole process (all its threads, native ones included), seconds. */
  static double processCpuSeconds() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  private static Map<RefaMetric, Double> targets() {
    EnumMap<RefaMetric, Double> t = new EnumMap<>(RefaMetric.class);
    t.put(RefaMetric.SEMANTIC_ACCURACY, 0.70);
    t.put(RefaMetric.NEUTRALNESS, 0.774);
    t.put(RefaMetric.SMOOTHNESS, 0.868);
    t.put(RefaMetric.EYE_CLOSURE, 0.936);
    t.put(RefaMetric.MOUTH_CLOSURE, 0.905);
    return Collections.unmodifiableMap(t);
  }
}
