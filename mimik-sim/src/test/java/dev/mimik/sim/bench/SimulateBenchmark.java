package dev.mimik.sim.bench;

import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.sim.sensor.Montage;
import dev.mimik.sim.session.SessionWriter;
import dev.mimik.sim.session.SimulationSettings;
import dev.mimik.sim.session.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints how long it takes to simulate and write one hour of earpiece biosignals (2 channels, 1 kHz) with
 * landmarks and ground truth. Not a unit test: runs only with {@code -Dmimik.bench=true}:
 * {@code ./mvnw -B -q -o -pl mimik-sim -am test -Dtest=SimulateBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmimik.bench=true}.
 */
@EnabledIfSystemProperty(named = "mimik.bench", matches = "true")
class SimulateBenchmark {

  @Test
  void oneHourOfEarpieceWithLandmarks() throws Exception {
    Path dir = Files.createTempDirectory("mimik-bench");
    try {
      SimulationSettings s = new SimulationSettings(1, 1, 60, 1, Montage.earpiece(), 1000, 30, 120);
      long t0 = System.nanoTime();
      new Simulator(EmbeddedRig.load(), SessionWriter.of("edf"), s).write(dir.resolve("out"), id -> { });
      double seconds = (System.nanoTime() - t0) / 1e9;
      long bytes;
      try (Stream<Path> files = Files.walk(dir)) {
        bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      }
      System.out.printf(Locale.ROOT,
          "SimulateBenchmark: 1 h earpiece (2 ch, 1 kHz) + 30 fps landmarks + truth: %.1f s, %.0f MB written%n",
          seconds, bytes / 1e6);
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
