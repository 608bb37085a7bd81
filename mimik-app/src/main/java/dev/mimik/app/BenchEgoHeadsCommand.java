package dev.mimik.app;

import dev.mimik.core.io.AtomicFiles;
import dev.mimik.lab.ego.EgoDistillStudy;
import dev.mimik.lab.ego.EgoHeadsStudy;
import dev.mimik.sim.ego.EgoDataset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mimik bench ego-heads}: REFA's eye and face MLPs against one concatenated head, on held-out subjects. */
@Command(
    name = "ego-heads",
    mixinStandardHelpOptions = true,
    description = {
      "The ablation of EgoNet's regressor: REFA's eye MLP per eye plus face MLP against one head on all views'",
      "features concatenated, both trained on the same headset dataset with each of --seeds. Prints per model and",
      "per head (mean and standard deviation over seeds) REFA's five metrics, eye closure on the wink segments and",
      "the true blendshape MAE on the --held-out real subjects, which no model saw.",
      "",
      "Example: mimik bench ego-heads --data ego --held-out 1 --seeds 11,12,13"
    })
final class BenchEgoHeadsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, description = "a headset dataset folder (mimik ego simulate)")
  Path data;

  @Option(names = "--held-out", defaultValue = "1",
      description = "real-domain subjects kept out of training (default ${DEFAULT-VALUE})")
  int heldOut;

  @Option(names = "--seeds", split = ",", defaultValue = "11,12,13",
      description = "training seeds; each trains both heads (default ${DEFAULT-VALUE})")
  List<Long> seeds;

  @Option(names = "--out", paramLabel = "DIR", description = "also write heads.md there")
  Path out;

  @Mixin EgoNetOptions net;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() throws Exception {
    if (seeds.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "need at least one seed");
    }
    for (String o : new String[] {"--single-head", "--seed"}) {
      if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
        throw new ParameterException(spec.commandLine(), o + " does not apply: both heads train, with each of"
            + " --seeds");
      }
    }
    engine.apply();
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EgoDataset dataset = EgoDataset.open(data);
    EgoHeadsStudy study = new EgoHeadsStudy(new EgoDistillStudy.Options(net.network(), net.training(false), heldOut,
        EgoDistillCommand.SMOOTHING_FRAMES), seeds, line -> {
          err.println(line);
          err.flush();
        });
    String table = EgoHeadsStudy.table(study.run(dataset));
    if (out != null) {
      Files.createDirectories(out);
      AtomicFiles.writeString(out.resolve("heads.md"), table);
    }
    o.print(table);
    o.flush();
    return 0;
  }
}
