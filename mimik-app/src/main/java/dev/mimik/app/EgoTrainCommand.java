package dev.mimik.app;

import dev.mimik.lab.ego.EgoDistillStudy;
import dev.mimik.sim.ego.EgoDataset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik ego train}: one EgoNet on a headset dataset's pseudo labels and synthetic recordings. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train EgoNet (REFA §7) on a headset dataset: the real-domain recordings with their pseudo labels and the",
      "synthetic ones with exact labels, in balanced mini-batches, with a gradient-reversal domain discriminator.",
      "The last --held-out real subjects stay out of training and are scored with REFA's metrics (and against the",
      "truth where the dataset is simulated). Writes ego.model, study.json and study.md into --out.",
      "",
      "Example: mimik ego train --data ego --out ego-model"
    })
public final class EgoTrainCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--data", required = true, description = "a headset dataset folder (mimik ego simulate)")
  private Path data;

  @Option(names = "--out", required = true, description = "output folder (created)")
  private Path out;

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
    PrintWriter err = spec.commandLine().getErr();
    EgoDataset dataset = EgoDataset.open(data);
    EgoDistillStudy study = new EgoDistillStudy(new EgoDistillStudy.Options(net.network(), net.training(true),
        heldOut, EgoDistillCommand.SMOOTHING_FRAMES), line -> err.println(line));
    Files.createDirectories(out);
    EgoDistillStudy.Result r = study.train(dataset, out.resolve("ego.model"));
    EgoDistillCommand.write(r, out, spec.commandLine().getOut());
    return 0;
  }
}
