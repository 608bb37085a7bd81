package dev.mimik.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.app.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Eight short simulated earpiece sessions (four participants, two sessions each, controlled conditions: the clocks
 * in the manifest) and a tiny model trained on
 * participant p01 with {@code mimik train --epochs 1}, made once for all the test classes of this module (they run
 * in one JVM) and deleted when it exits. {@code batch.csv} lists the eight with their truth.
 */
final class TinyDataset {

  private static TinyDataset instance;

  final Path root;
  final Path sim;
  final Path model;
  final Path manifest;

  private TinyDataset(Path root) throws IOException {
    this.root = root;
    this.sim = root.resolve("sim");
    this.model = root.resolve("me.mimik");
    assertThat(Main.run("simulate", "--out", sim.toString(), "--participants", "4", "--sessions-per-participant",
        "2", "--minutes", "0.15", "--seed", "5", "--conditions", "controlled")).isZero();
    assertThat(Main.run("train", "--manifest", sim.resolve("manifest.csv").toString(), "--participant", "p01",
        "--out", model.toString(), "--epochs", "1")).isZero();
    List<String> lines = new ArrayList<>(List.of("signals,truth,participant"));
    for (String id : ids()) {
      lines.add(id + "/signals.edf," + id + "/truth/landmarks.csv," + id.substring(0, 3));
    }
    this.manifest = sim.resolve("batch.csv");
    Files.write(manifest, lines);
  }

  static synchronized TinyDataset get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("mimik-spark-test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
        instance = new TinyDataset(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** The eight recording ids, p01/s01 to p04/s02. */
  static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (int p = 1; p <= 4; p++) {
      for (int s = 1; s <= 2; s++) {
        ids.add("p0" + p + "/s0" + s);
      }
    }
    return ids;
  }

  private Path single;

  /** {@code mimik track --truth} run on each recording on its own, into {@code single/ID}, once. */
  synchronized Path singleTrackRuns() throws IOException {
    if (single == null) {
      Path dir = folder("single");
      for (String id : ids()) {
        assertThat(Main.run("track", "--model", model.toString(), "--signals", sim.resolve(id + "/signals.edf")
            .toString(), "--out", dir.resolve(id).toString(), "--truth", sim.resolve(id + "/truth/landmarks.csv")
            .toString())).isZero();
      }
      single = dir;
    }
    return single;
  }

  /** A new empty folder under the dataset's root. */
  Path folder(String name) throws IOException {
    return Files.createTempDirectory(root, name);
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
