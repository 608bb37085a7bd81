package dev.mimik.spark;

import dev.mimik.spark.fs.HadoopStore;
import dev.mimik.spark.job.BatchRun;
import dev.mimik.spark.job.Outcome;
import dev.mimik.spark.job.Recording;
import dev.mimik.spark.job.RecordingTask;
import dev.mimik.spark.summary.BatchSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;

/** What every {@code mimik batch} command does: start Spark, run the task over the recordings, write the summary. */
final class BatchExecution {

  /** Reads the recordings once the file system is known. */
  @FunctionalInterface
  interface Recordings {
    List<Recording> read(HadoopStore store) throws IOException;
  }

  /** Runs after the batch when every recording is complete (simulate writes its manifest then). */
  @FunctionalInterface
  interface Finish {
    void run(HadoopStore store, List<Recording> recordings) throws IOException;
  }

  private BatchExecution() {}

  /** Runs the batch and returns the exit code: 0 when every recording is complete, else 1. */
  static int run(CommandSpec spec, SparkOptions options, RecordingTask task, Recordings recordings, Finish finish)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    try (SparkSession spark = options.start("mimik batch " + task.command())) {
      HadoopStore store = SparkOptions.store(spark);
      List<Recording> all = recordings.read(store);
      List<Outcome> outcomes = new BatchRun(spark, store, err).run(task, all, options.out());
      BatchSummary summary = new BatchSummary(task.command(), outcomes);
      summary.write(store, options.out());
      if (summary.failures().isEmpty()) {
        finish.run(store, all);
      }
      PrintWriter o = spec.commandLine().getOut();
      for (Outcome f : summary.failures()) {
        o.printf("failed: %s: %s: %s%n", f.recording(), f.file(), f.reason());
      }
      o.printf(Locale.ROOT, "mimik batch %s: %d recordings, %d done, %d complete before, %d failed, in %.1f s;"
          + " summary in %s/metrics.json and report.html%n", task.command(), outcomes.size(),
          summary.count(Outcome.Status.DONE), summary.count(Outcome.Status.SKIPPED),
          summary.count(Outcome.Status.FAILED), (System.nanoTime() - start) / 1e9, options.out());
      o.flush();
      return summary.failures().isEmpty() ? 0 : BatchMain.EXIT_FAILURE;
    }
  }
}
