package dev.mimik.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.spark.fs.HadoopStore;
import dev.mimik.spark.job.BatchRun;
import dev.mimik.spark.job.Outcome;
import dev.mimik.spark.job.Recording;
import dev.mimik.spark.job.RecordingTask;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spark task that dies and is retried leaves each output once, under its own name, and the recording done. */
class RetriedTaskTest {

  /** Writes one file; the first attempt at recording {@code b} dies after writing it, as a killed executor would. */
  record DiesOnce() implements RecordingTask {
    @Override
    public String command() {
      return "test";
    }

    @Override
    public Map<String, Double> run(Recording r, Inputs inputs, Path out) throws Exception {
      Files.writeString(out.resolve("out.txt"), r.id() + "\n");
      if (r.id().equals("b") && TaskContext.get().attemptNumber() == 0) {
        throw new InterruptedException("the first attempt dies");
      }
      return Map.of("frames", 1.0);
    }
  }

  @Test
  void aRetriedTaskWritesItsOutputsOnce(@TempDir Path dir) throws Exception {
    List<Recording> recordings = List.of(new Recording("a", "p", Map.of()), new Recording("b", "p", Map.of()));
    StringWriter log = new StringWriter();
    try (SparkSession spark = SparkSession.builder().master("local[2,3]").appName("retry")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate()) {
      List<Outcome> outcomes = new BatchRun(spark, HadoopStore.defaults(), new PrintWriter(log))
          .run(new DiesOnce(), recordings, dir.toString());
      assertThat(outcomes).extracting(Outcome::status).containsExactly(Outcome.Status.DONE, Outcome.Status.DONE);
    }
    assertThat(SameFiles.names(dir)).containsExactly("_batch/done/a.json", "_batch/done/b.json", "a/out.txt",
        "b/out.txt");
    assertThat(Files.readString(dir.resolve("b/out.txt"))).isEqualTo("b\n");
    assertThat(log.toString()).contains("2 done (0 complete before), 0 failed, 0 left");
  }
}
