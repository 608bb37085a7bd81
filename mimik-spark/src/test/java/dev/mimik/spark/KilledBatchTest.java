package dev.mimik.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A real {@code mimik batch} process killed with SIGKILL after its first recording, then started again. */
class KilledBatchTest {

  private final TinyDataset data = TinyDataset.get();

  /** {@code java} with this JVM's class path and Spark's module options, running BatchMain. */
  static List<String> javaCommand() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Dai.djl")
          || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty") || a.startsWith("-Djava.awt")) {
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(BatchMain.class.getName());
    return cmd;
  }

  @Test
  void aKilledBatchStartedAgainFinishesWithoutRedoingFinishedRecordings() throws Exception {
    Path out = data.folder("killed");
    Path manifest = data.sim.resolve("four.csv");
    Files.write(manifest, Files.readAllLines(data.manifest).subList(0, 5));
    List<String> ids = TinyDataset.ids().subList(0, 4);
    List<String> args = List.of("track", "--manifest", manifest.toString(), "--model", data.model.toString(),
        "--out", out.toString(), "--conf", "spark.ui.enabled=false");
    List<String> cmd = javaCommand();
    cmd.addAll(args);
    cmd.addAll(List.of("--master", "local[1]"));
    File log = out.resolveSibling(out.getFileName() + ".log").toFile();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    Path markers = out.resolve("_batch/done");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (markerCount(markers) < 1 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    p.destroyForcibly();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    int finished = markerCount(markers);
    assertThat(finished).as(Files.readString(log.toPath())).isBetween(1, 3);
    Map<Path, Long> before = new HashMap<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        before.put(f, Files.getLastModifiedTime(f).toMillis());
      }
    }

    List<String> again = new ArrayList<>(args);
    again.addAll(List.of("--master", "local[2]"));
    String[] r = BatchTrackTest.batch(again.toArray(String[]::new));
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    assertThat(r[1]).contains("4 recordings, " + finished + " complete from an earlier run, " + (4 - finished)
        + " to run");
    for (String id : ids) {
      if (Files.exists(markers.resolve(id + ".json")) && before.containsKey(markers.resolve(id + ".json"))) {
        for (Path f : before.keySet()) {
          if (f.startsWith(out.resolve(id))) {
            assertThat(Files.getLastModifiedTime(f).toMillis()).as("%s was written again", f).isEqualTo(before.get(f));
          }
        }
      }
    }
    Path single = data.singleTrackRuns();
    for (String id : ids) {
      SameFiles.assertSame(single.resolve(id), out.resolve(id));
    }
    assertThat(markerCount(markers)).isEqualTo(4);
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  private static int markerCount(Path markers) throws java.io.IOException {
    if (!Files.isDirectory(markers)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(markers)) {
      return (int) all.filter(f -> f.toString().endsWith(".json")).count();
    }
  }
}
