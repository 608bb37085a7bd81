package dev.mimik.sim.session;

import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.camera.CameraModel;
import dev.mimik.sim.camera.CameraSimulator;
import dev.mimik.sim.camera.Capture;
import dev.mimik.sim.camera.RigLandmarks;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.performance.Performer;
import dev.mimik.sim.sensor.Biosensor;
import dev.mimik.sim.sensor.Components;
import dev.mimik.sim.sensor.Donning;
import dev.mimik.sim.sensor.Lead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Simulates a dataset: draws participants, plays the conditions' protocol, records it with the montage as each
 * session put the electrodes on and films it with the session's camera, then writes every session (see
 * {@link GroundTruthWriter} for the layout) and a {@code manifest.csv}.
 *
 * <p>The face rig is the one given: a rig other than the one mimik fits (another face model) plugs in here.
 *
 * <p>Everything derives from the settings' seed: participant {@code p01} from {@code (seed, "p01")}, session
 * {@code p01/s01} from {@code (seed, "p01/s01")}; the same settings give the same bytes.
 */
public final class Simulator {

  private final FaceRig rig;
  private final SessionWriter writer;
  private final SimulationSettings settings;

  public Simulator(FaceRig rig, SessionWriter writer, SimulationSettings settings) {
    this.rig = rig;
    this.writer = writer;
    this.settings = settings;
  }

  /**
   * The header of the dataset's {@code manifest.csv}: with the true clocks ({@code offset_s,drift_ppm}) only under
   * conditions that give them; otherwise they are in each session's {@code truth/clock.csv} alone.
   */
  public static String manifestHeader(Conditions conditions) {
    return "signals,landmarks,participant" + (conditions.clocksInManifest() ? ",offset_s,drift_ppm" : "");
  }

  /** Participant {@code index} (0-based) of the dataset. */
  public Participant participant(int index) {
    String id = String.format(Locale.ROOT, "p%02d", index + 1);
    return Participant.draw(id, SeedStreams.derive(settings.seed(), id), rig.identityNames().size());
  }

  /** Session {@code index} (0-based) of a participant, computed in memory. */
  public SimulatedSession session(Participant who, int index) {
    String id = who.id() + String.format(Locale.ROOT, "/s%02d", index + 1);
    long seed = SeedStreams.derive(settings.seed(), id);
    Conditions conditions = settings.conditions();
    Performance perf = new Performer(settings.internalRate())
        .perform(who, conditions.protocol(), settings.minutes() * 60, SeedStreams.derive(seed, "performance"));
    Donning donning = conditions.redon() ? Donning.draw(SeedStreams.derive(seed, "donning")) : Donning.none();
    var signals = new Biosensor(settings.montage(), settings.rate())
        .record(who, donning, perf, SeedStreams.derive(seed, "biosensor"), Components.all());
    CameraModel camera = camera(seed);
    return new SimulatedSession(id, who, donning, perf, signals, camera, film(who, perf, camera, seed));
  }

  /**
   * The same session filmed by another camera (another clock, say): the detector's randomness is the session's,
   * so only what {@code camera} changes changes.
   */
  public SimulatedSession refilmed(SimulatedSession session, CameraModel camera) {
    long seed = SeedStreams.derive(settings.seed(), session.id());
    return new SimulatedSession(session.id(), session.participant(), session.donning(), session.performance(),
        session.signals(), camera, film(session.participant(), session.performance(), camera, seed));
  }

  private Capture film(Participant who, Performance perf, CameraModel camera, long seed) {
    return new CameraSimulator(camera)
        .film(new RigLandmarks(rig, who.identity()), perf, SeedStreams.stream(seed, "detector"));
  }

  /** In the folder being written: what is being simulated, so that a later run resumes only the same simulation. */
  static final String FINGERPRINT_FILE = ".simulation";
  /** In each session's folder: written last, it holds the session's manifest line. */
  static final String DONE_FILE = ".done";

  /** The id of session {@code session} of participant {@code participant} (both 0-based): {@code p01/s01}. */
  public static String sessionId(int participant, int session) {
    return String.format(Locale.ROOT, "p%02d/s%02d", participant + 1, session + 1);
  }

  /**
   * Simulates one session (both indices 0-based) and writes its files into {@code dir} (the dataset's
   * {@code pNN/sMM} folder) as {@link #write} does; returns its line of {@code manifest.csv}. Sessions are
   * independent: each derives from the seed and its id alone.
   */
  public String writeSession(int participant, int session, Path dir) throws IOException {
    Participant who = participant(participant);
    SimulatedSession simulated = session(who, session);
    writer.writeSignals(simulated.signals(), dir.resolve(writer.signalsFileName()));
    writer.writeLandmarks(simulated.capture().detected(), dir.resolve(SessionWriter.LANDMARKS_FILE));
    new GroundTruthWriter(rig.name()).write(simulated, dir.resolve("truth"));
    return manifestLine(simulated.id(), who.id(), simulated.camera());
  }

  /**
   * The {@code manifest.csv} line of a session (both indices 0-based) without simulating it: only its camera is
   * drawn, from the same seed stream {@link #session} draws it from.
   */
  public String manifestLine(int participant, int session) {
    String id = sessionId(participant, session);
    return manifestLine(id, id.substring(0, id.indexOf('/')), camera(SeedStreams.derive(settings.seed(), id)));
  }

  private String manifestLine(String id, String participant, CameraModel camera) {
    return id + "/" + writer.signalsFileName() + "," + id + "/" + SessionWriter.LANDMARKS_FILE + "," + participant
        + (settings.conditions().clocksInManifest()
        ? String.format(Locale.ROOT, ",%.6f,%.3f", camera.clockOffsetS(), camera.driftPpm()) : "");
  }

  private CameraModel camera(long sessionSeed) {
    Conditions conditions = settings.conditions();
    return CameraModel.draw(settings.fps(), conditions.clockOffsetS(), conditions.clockDriftPpm(),
        SeedStreams.stream(sessionSeed, "camera"));
  }

  /**
   * Writes the whole dataset into {@code outDir}, which must not exist or be empty. Everything is written into a
   * hidden sibling folder ({@code .NAME.partial}) renamed at the end, so no partial dataset ever appears under the
   * output's name; a run that was killed is resumed by the next run with the same settings, which keeps the sessions
   * already complete. {@code progress} receives each session's id when it is done.
   */
  public void write(Path outDir, Consumer<String> progress) throws IOException {
    Path target = outDir.toAbsolutePath();
    if (Files.exists(target)) {
      try (Stream<Path> s = Files.list(target)) {
        if (s.findAny().isPresent()) {
          throw new BadInputException(outDir, "the output folder exists and is not empty");
        }
      }
      Files.delete(target);
    }
    Path partial = partialFolder(target);
    List<String> manifest = new ArrayList<>();
    manifest.add(manifestHeader(settings.conditions()));
    for (int p = 0; p < settings.participants(); p++) {
      for (int s = 0; s < settings.sessionsPerParticipant(); s++) {
        String id = sessionId(p, s);
        Path dir = partial.resolve(id);
        Path done = dir.resolve(DONE_FILE);
        if (Files.isRegularFile(done)) {
          manifest.add(Files.readString(done).strip());
          progress.accept(id + " (written by an earlier run)");
          continue;
        }
        String line = writeSession(p, s, dir);
        AtomicFiles.writeString(done, line + "\n");
        manifest.add(line);
        progress.accept(id);
      }
    }
    AtomicFiles.writeString(partial.resolve("manifest.csv"), String.join("\n", manifest) + "\n");
    try (Stream<Path> markers = Files.walk(partial)) {
      for (Path m : markers.filter(f -> f.getFileName().toString().equals(DONE_FILE)).toList()) {
        Files.delete(m);
      }
    }
    Files.delete(partial.resolve(FINGERPRINT_FILE));
    Files.move(partial, target);
  }

  /**
   * The hidden folder the dataset is written in: a new one, or one a killed run of the same simulation left, whose
   * complete sessions are kept; one of another simulation is refused rather than mixed in.
   */
  private Path partialFolder(Path target) throws IOException {
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    String fingerprint = fingerprint();
    Path stamp = partial.resolve(FINGERPRINT_FILE);
    if (Files.isDirectory(partial)) {
      if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(fingerprint)) {
        throw new BadInputException(partial, "holds the unfinished output of another simulation; delete it or"
            + " choose another output folder");
      }
      return partial;
    }
    Files.createDirectories(partial);
    AtomicFiles.writeString(stamp, fingerprint);
    return partial;
  }

  /** What decides every byte of the dataset: the settings, the rig and the file format. */
  private String fingerprint() {
    StringBuilder b = new StringBuilder();
    b.append("rig=").append(rig.name()).append("\nformat=").append(writer.signalsFileName())
        .append(String.format(Locale.ROOT, "%nparticipants=%d%nsessions=%d%nminutes=%s%nseed=%d%nrate=%s%nfps=%s"
            + "%ninternal=%s%nmontage=%s%nconditions=%s%n", settings.participants(),
            settings.sessionsPerParticipant(), Double.toString(settings.minutes()), settings.seed(),
            Double.toString(settings.rate()), Double.toString(settings.fps()), Double.toString(settings.internalRate()),
            settings.montage().name(), settings.conditions().name()));
    for (Lead lead : settings.montage().leads()) {
      b.append(lead.name()).append(java.util.Arrays.toString(lead.plus()))
          .append(java.util.Arrays.toString(lead.minus())).append('\n');
    }
    return b.toString();
  }
}
