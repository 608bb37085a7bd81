package dev.mimik.spark;

import dev.mimik.core.io.BadInputException;
import dev.mimik.spark.job.BatchManifest;
import dev.mimik.spark.tasks.TrackTask;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik batch track}: {@code mimik track} on every recording of a manifest. */
@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description = {
      "mimik track on every recording of a manifest (columns: signals, and optionally truth, participant, id):",
      "OUT/ID/ holds what 'mimik track --out OUT/ID' writes; OUT/metrics.json aggregates metrics.json (with a",
      "truth column) per recording, participant and dataset.",
      "",
      "Example: mimik batch track --manifest sim/manifest.csv --model me.mimik --out tracked --master local[2]"
    })
public final class BatchTrackCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private SparkOptions spark;

  @Option(names = "--manifest", required = true, paramLabel = "FILE.csv", description = "the recordings")
  private String manifest;

  @Option(names = "--model", required = true, paramLabel = "MODEL.mimik", description = "a model from 'mimik train'")
  private String model;

  @Option(names = "--face-model", paramLabel = "FILE.glb", description = "as 'mimik track --face-model'")
  private String faceModel;

  @Option(names = "--no-3d", description = "as 'mimik track --no-3d'")
  private boolean no3d;

  @Option(names = "--offline", description = "as 'mimik track --offline'")
  private boolean offline;

  @Option(names = "--eye-adjust", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "as 'mimik track --[no-]eye-adjust' (default on)")
  private boolean eyeAdjust;

  @Option(names = "--eye-ablation", description = "as 'mimik track --eye-ablation' (needs a truth column)")
  private boolean eyeAblation;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
      description = "intra-op threads of the network in each task (default ${DEFAULT-VALUE}; tasks run in parallel)")
  private int threads;

  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw new BadInputException("--threads must be at least 1, not " + threads);
    }
    TrackTask task = new TrackTask(model, faceModel, no3d, offline, eyeAdjust, eyeAblation, threads);
    return BatchExecution.run(spec, spark, task, store -> {
      if (!store.exists(model)) {
        throw new BadInputException(java.nio.file.Path.of(model), "no such model");
      }
      return BatchManifest.read(store, manifest, TrackTask.REQUIRED, TrackTask.OPTIONAL);
    }, (store, all) -> { });
  }
}
