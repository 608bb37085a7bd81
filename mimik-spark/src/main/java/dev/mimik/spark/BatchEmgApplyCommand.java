package dev.mimik.spark;

import dev.mimik.spark.job.BatchManifest;
import dev.mimik.spark.tasks.EmgApplyTask;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik batch emg apply}: {@code mimik emg apply} on every recording of a manifest. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "mimik emg apply on every recording of a manifest (columns: signals, and optionally participant, id):",
      "OUT/ID/ holds what 'mimik emg apply --out OUT/ID' writes (blendshapes.csv, face.glb, artefacts.csv, ...).",
      "",
      "Example: mimik batch emg apply --manifest study.csv --model eifer.zip --preset eifer --out faces"
    })
public final class BatchEmgApplyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private SparkOptions spark;

  @Option(names = "--manifest", required = true, paramLabel = "FILE.csv", description = "the recordings")
  private String manifest;

  @Option(names = "--model", required = true, description = "model file from 'mimik emg train'")
  private String model;

  @Option(names = "--bipolar", paramLabel = "PAIRS.csv", description = "as 'mimik emg apply'")
  private String bipolar;

  @Option(names = "--preset", defaultValue = "none", description = "as 'mimik emg apply' (default ${DEFAULT-VALUE})")
  private String preset;

  @Option(names = "--fir-taps", defaultValue = "0", description = "as 'mimik emg apply' (default ${DEFAULT-VALUE})")
  private int firTaps;

  @Option(names = "--linear", description = "as 'mimik emg apply'")
  private boolean linear;

  @Option(names = "--heatmap", description = "as 'mimik emg apply'")
  private boolean heatmap;

  @Override
  public Integer call() throws Exception {
    new dev.mimik.lab.eifer.EmgInputs(preset, firTaps); // refuses a bad preset here, before any task runs
    EmgApplyTask task = new EmgApplyTask(model, bipolar, preset, firTaps, linear, heatmap);
    return BatchExecution.run(spec, spark, task,
        store -> BatchManifest.read(store, manifest, EmgApplyTask.REQUIRED, List.of()), (store, all) -> { });
  }
}
