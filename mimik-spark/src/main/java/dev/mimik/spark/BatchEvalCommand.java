package dev.mimik.spark;

import dev.mimik.spark.job.BatchManifest;
import dev.mimik.spark.tasks.EvalTask;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik batch eval}: {@code mimik eval --out} on every recording of a manifest. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "mimik eval on every recording of a manifest (columns: pred, truth, and optionally blendshapes, participant,",
      "id): OUT/ID/ holds what 'mimik eval --out OUT/ID' writes (metrics.json, report.html); OUT/metrics.json",
      "aggregates them per recording, participant and dataset.",
      "",
      "Example: mimik batch eval --manifest predictions.csv --out eval"
    })
public final class BatchEvalCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private SparkOptions spark;

  @Option(names = "--manifest", required = true, paramLabel = "FILE.csv", description = "the recordings")
  private String manifest;

  @Option(names = "--eye-corners-mm", defaultValue = "90", paramLabel = "MM",
      description = "as 'mimik eval' (default ${DEFAULT-VALUE})")
  private double eyeCornersMm;

  @Option(names = "--landmarks", paramLabel = "51|53|68", description = "as 'mimik eval'")
  private Integer landmarks;

  @Override
  public Integer call() throws Exception {
    EvalTask task = new EvalTask(eyeCornersMm, landmarks);
    return BatchExecution.run(spec, spark, task,
        store -> BatchManifest.read(store, manifest, EvalTask.REQUIRED, EvalTask.OPTIONAL), (store, all) -> { });
  }
}
