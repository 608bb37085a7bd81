package dev.mimik.app;

import dev.mimik.core.io.AtomicFiles;
import dev.mimik.lab.ego.EgoDistillStudy;
import dev.mimik.learn.ego.Distillation;
import dev.mimik.sim.ego.EgoDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik ego distill}: REFA's iterative distillation with ensembles, measured per round. */
@Command(
    name = "distill",
    mixinStandardHelpOptions = true,
    description = {
      "REFA's iterative distillation with ensembles (Algorithm 1): each of --rounds rounds trains --pool models on",
      "the current labels and --pool on them post-processed (per-subject range of motion, temporal smoothing),",
      "keeps the --pool best by REFA's metrics on the training subjects (never the truth), and relabels the real",
      "frames with their ensemble; the final model trains on the last labels post-processed. Every model is",
      "scored on the --held-out real subjects (REFA's metrics, eye closure on wink segments apart; true MAE where",
      "simulated), and each round's best single selected model beside the ensemble (REFA Table 2). Writes",
      "ego.model, study.json and study.md into --out.",
      "",
      "Example: mimik ego distill --data ego --rounds 2 --pool 2 --out ego-distill"
    })
public final class EgoDistillCommand implements Callable<Integer> {

  /** Standard deviation of post-processing's Gaussian, frames. */
  static final double SMOOTHING_FRAMES = 1.5;

  @Spec
  private CommandSpec spec;

  @Option(names = "--data", required = true, description = "a headset dataset folder (mimik ego simulate)")
  private Path data;

  @Option(names = "--out", required = true, description = "output folder (created)")
  private Path out;

  @Option(names = "--rounds", defaultValue = "2", description = "T, rounds (default ${DEFAULT-VALUE})")
  private int rounds;

  @Option(names = "--pool", defaultValue = "2",
      description = "K, models per pool and per ensemble (default ${DEFAULT-VALUE})")
  private int pool;

  @Option(names = "--held-out", defaultValue = "1",
      description = "real-domain subjects kept out of training (default ${DEFAULT-VALUE})")
  private int heldOut;

  @Mixin
  private EgoNetOptions net;

  @Mixin
  private EngineOptions engine;

  @Override
  public Integer call() throws Exception {
    engine.apply();
    if (rounds < 1 || pool < 1) {
      throw new dev.mimik.core.io.BadInputException("--rounds and --pool must be at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    EgoDataset dataset = EgoDataset.open(data);
    EgoDistillStudy study = new EgoDistillStudy(new EgoDistillStudy.Options(net.network(), net.training(false),
        heldOut, SMOOTHING_FRAMES), line -> err.println(line));
    Files.createDirectories(out);
    EgoDistillStudy.Result r = study.distill(dataset, new Distillation.Settings(rounds, pool, SMOOTHING_FRAMES),
        out.resolve("ego.model"));
    write(r, out, spec.commandLine().getOut());
    return 0;
  }

  /** Writes study.json and study.md and prints the table. */
  static void write(EgoDistillStudy.Result r, Path out, PrintWriter print) throws IOException {
    EgoDistillStudy.writeJson(r, out.resolve("study.json"));
    String table = EgoDistillStudy.table(r);
    AtomicFiles.writeString(out.resolve("study.md"), table);
    print.print(table);
    print.flush();
  }
}
