package dev.mimik.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code mimik batch track} on Spark's {@code local-cluster} master: a standalone master and two workers in this
 * JVM, whose executors are separate JVMs, so nothing can pass between recordings through shared memory. A worker
 * starts its executors from {@code SPARK_HOME} (the pom points it at an empty {@code target/spark-home}, whose
 * {@code jars/} this test creates) with the class path given as {@code spark.executor.extraClassPath}.
 *
 * <p>Tagged {@code cluster}: two more JVMs and eight more recordings take minutes on two cores, so the default test
 * run (and CI) leaves it out; {@code ./mvnw -pl mimik-spark -am test -Dspark.test.groups=} runs it too.
 */
@Tag("cluster")
class LocalClusterTest {

  private final TinyDataset data = TinyDataset.get();

  @Test
  void separateExecutorJvmsWriteWhatEightTrackRunsWrite() throws Exception {
    String home = System.getenv("SPARK_HOME");
    assertThat(home).as("SPARK_HOME (set by the pom for the tests)").isNotNull();
    Files.createDirectories(Path.of(home, "jars"));
    Path out = data.folder("cluster");
    String[] r = BatchTrackTest.batch("track", "--manifest", data.manifest.toString(), "--model",
        data.model.toString(), "--out", out.toString(), "--master", "local-cluster[2,1,1024]",
        "--conf", "spark.executor.extraClassPath=" + System.getProperty("java.class.path"),
        "--conf", "spark.ui.enabled=false");
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    assertThat(r[1]).contains("to run on local-cluster[2,1,1024]");
    Path single = data.singleTrackRuns();
    for (String id : TinyDataset.ids()) {
      SameFiles.assertSame(single.resolve(id), out.resolve(id));
    }
  }
}
