package dev.mimik.spark;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.io.BadInputException;
import dev.mimik.spark.job.BatchManifest;
import dev.mimik.spark.job.Recording;
import dev.mimik.spark.training.TrainingSetJob;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik batch training-set}: the training data of many sessions as a Parquet training set. */
@Command(
    name = "training-set",
    mixinStandardHelpOptions = true,
    description = {
      "Extract BioNet's training data (one biosignal window and aligned landmarks per video frame) from the sessions",
      "of a training manifest (signals, landmarks, participant, offset_s: mimik train's) as Spark jobs, and write it",
      "as a columnar training set (Parquet, OUT is a folder) that 'mimik train --training-set OUT' trains on.",
      "",
      "Example: mimik batch training-set --manifest sim/manifest.csv --out sim-train.parquet"
    })
public final class BatchTrainingSetCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private SparkOptions spark;

  @Option(names = "--manifest", required = true, paramLabel = "FILE.csv", description = "the training sessions")
  private String manifest;

  @Option(names = "--landmarks", defaultValue = "51",
      description = "landmark set: 51, 53 or 68 (default ${DEFAULT-VALUE}), as 'mimik train'")
  private int landmarks;

  @Option(names = "--fps", defaultValue = "30",
      description = "frame rate the landmarks are resampled to (default ${DEFAULT-VALUE}), as 'mimik train'")
  private double fps;

  @Override
  public Integer call() throws Exception {
    LandmarkSet set;
    try {
      set = LandmarkSet.ofSize(landmarks);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--landmarks must be 51, 53 or 68, not " + landmarks);
    }
    long start = System.nanoTime();
    try (SparkSession session = spark.start("mimik batch training-set")) {
      var store = SparkOptions.store(session);
      List<Recording> sessions = BatchManifest.read(store, manifest, List.of("signals", "landmarks"), List.of(),
          List.of("offset_s"));
      PrintWriter err = spec.commandLine().getErr();
      err.printf("mimik batch training-set: %d sessions on %s; Spark UI %s%n", sessions.size(), spark.master,
          session.sparkContext().uiWebUrl().isDefined() ? session.sparkContext().uiWebUrl().get() : "disabled");
      err.flush();
      long frames = new TrainingSetJob(session, store).write(sessions, set, fps, spark.out());
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d frames of %d sessions in %.1f s%n", spark.out(),
          frames, sessions.size(), (System.nanoTime() - start) / 1e9);
    }
    return 0;
  }
}
