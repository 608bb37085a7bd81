package dev.mimik.app;

import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.bioface.Session;
import dev.mimik.sim.sensor.Montage;
import dev.mimik.sim.session.Conditions;
import dev.mimik.sim.session.SessionWriter;
import dev.mimik.sim.session.SimulationSettings;
import dev.mimik.sim.session.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * One simulated earpiece session written to a temporary folder as {@code mimik simulate} writes it and read back as
 * a training session: what the benchmarks time, deleted when closed. Controlled conditions: the manifest gives the
 * clock, so the timed work is the same whatever the session's length.
 */
final class SimulatedSessionFiles implements AutoCloseable {

  private final Path dir;
  private final Session session;

  /** Simulates {@code minutes} of one participant's earpiece session with {@code seed}. */
  SimulatedSessionFiles(double minutes, long seed, PrintWriter log) throws IOException {
    if (!(minutes > 0 && minutes <= 60)) {
      throw new BadInputException("--minutes must be in (0, 60], not " + minutes);
    }
    this.dir = Files.createTempDirectory("mimik-bench");
    new Simulator(EmbeddedRig.load(), SessionWriter.of("edf"),
        new SimulationSettings(1, 1, minutes, seed, Montage.named("earpiece"), 1000, 30, 120, Conditions.controlled()))
        .write(dir, id -> log.println("simulated " + id));
    log.flush();
    List<Session> sessions = new SessionFiles(SessionFiles.Sync.NONE, log).fromManifest(dir.resolve("manifest.csv"));
    this.session = sessions.get(0);
  }

  /** The session, its samples in memory. */
  Session session() {
    return session;
  }

  @Override
  public void close() {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
