package dev.mimik.spark.job;

import dev.mimik.spark.fs.HadoopStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * Runs one command over the recordings of a manifest as one Spark job, one task per recording, and returns what
 * became of each, in the manifest's order. Recordings complete from an earlier run (their marker exists) are not
 * run again.
 */
public final class BatchRun {

  private final SparkSession spark;
  private final HadoopStore store;
  private final PrintWriter log;

  public BatchRun(SparkSession spark, HadoopStore store, PrintWriter log) {
    this.spark = spark;
    this.store = store;
    this.log = log;
  }

  /** Runs {@code task} on every recording not yet complete under {@code out}. */
  public List<Outcome> run(RecordingTask task, List<Recording> recordings, String out) throws IOException {
    Markers markers = new Markers(store, out);
    Map<String, Outcome> byId = new LinkedHashMap<>();
    List<Recording> todo = new ArrayList<>();
    for (Recording r : recordings) {
      Outcome earlier = markers.completed(r.id());
      byId.put(r.id(), earlier);
      if (earlier == null) {
        todo.add(r);
      }
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String ui = spark.sparkContext().uiWebUrl().isDefined() ? spark.sparkContext().uiWebUrl().get() : "disabled";
    log.printf("mimik batch %s: %d recordings, %d complete from an earlier run, %d to run on %s; Spark UI %s%n",
        task.command(), recordings.size(), recordings.size() - todo.size(), todo.size(), sc.master(), ui);
    log.flush();
    if (!todo.isEmpty()) {
      LongAccumulator done = sc.sc().longAccumulator("recordings done");
      LongAccumulator failed = sc.sc().longAccumulator("recordings failed");
      BatchProgress progress = new BatchProgress(log, "mimik batch " + task.command(), recordings.size(),
          recordings.size() - todo.size(), done, failed);
      spark.sparkContext().addSparkListener(progress);
      sc.setJobDescription("mimik batch " + task.command() + " (" + todo.size() + " recordings)");
      try {
        List<Outcome> outcomes = sc.parallelize(todo, todo.size())
            .map(new RecordingAttempt(task, store, out, done, failed)).collect();
        outcomes.forEach(o -> byId.put(o.recording(), o));
      } finally {
        spark.sparkContext().removeSparkListener(progress);
      }
      progress.print();
    }
    return new ArrayList<>(byId.values());
  }
}
