package dev.mimik.sim.session;

import dev.mimik.face.rig.FaceRig;
import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.camera.CameraModel;
import dev.mimik.sim.camera.CameraSimulator;
import dev.mimik.sim.camera.Capture;
import dev.mimik.sim.camera.RigLandmarks;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.performance.Performer;
import dev.mimik.sim.performance.Protocol;
import dev.mimik.sim.sensor.Biosensor;
import dev.mimik.sim.sensor.Components;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Simulates a dataset: draws participants, plays BioFace-3D's protocol, records it with the montage and films it,
 * then writes every session (see {@link GroundTruthWriter} for the layout) and a {@code manifest.csv}.
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

  /** Participant {@code index} (0-based) of the dataset. */
  public Participant participant(int index) {
    String id = String.format(Locale.ROOT, "p%02d", index + 1);
    return Participant.draw(id, SeedStreams.derive(settings.seed(), id), rig.identityNames().size());
  }

  /** Session {@code index} (0-based) of a participant, computed in memory. */
  public SimulatedSession session(Participant who, int index) {
    String id = who.id() + String.format(Locale.ROOT, "/s%02d", index + 1);
    long seed = SeedStreams.derive(settings.seed(), id);
    Performance perf = new Performer(settings.internalRate())
        .perform(who, Protocol.bioFace3d(), settings.minutes() * 60, SeedStreams.derive(seed, "performance"));
    var signals = new Biosensor(settings.montage(), settings.rate())
        .record(who, perf, SeedStreams.derive(seed, "biosensor"), Components.all());
    CameraModel camera = CameraModel.draw(settings.fps(), SeedStreams.stream(seed, "camera"));
    Capture capture = new CameraSimulator(camera)
        .film(new RigLandmarks(rig, who.identity()), perf, SeedStreams.stream(seed, "detector"));
    return new SimulatedSession(id, who, perf, signals, camera, capture);
  }

  /**
   * Writes the whole dataset into {@code outDir}, which must not exist or be empty. Everything is written into a
   * temporary sibling folder renamed at the end, so a failure leaves no partial dataset. {@code progress}
   * receives each session's id when it is done.
   */
  public void write(Path outDir, Consumer<String> progress) throws IOException {
    dev.mimik.core.io.AtomicFiles.writeFolder(outDir, tmp -> {
      GroundTruthWriter truth = new GroundTruthWriter();
      List<String> manifest = new ArrayList<>();
      manifest.add("signals,landmarks,participant,offset_s");
      for (int p = 0; p < settings.participants(); p++) {
        Participant who = participant(p);
        for (int s = 0; s < settings.sessionsPerParticipant(); s++) {
          SimulatedSession session = session(who, s);
          Path dir = tmp.resolve(session.id());
          writer.writeSignals(session.signals(), dir.resolve(writer.signalsFileName()));
          writer.writeLandmarks(session.capture().detected(), dir.resolve(SessionWriter.LANDMARKS_FILE));
          truth.write(session, dir.resolve("truth"));
          manifest.add(session.id() + "/" + writer.signalsFileName() + "," + session.id() + "/"
              + SessionWriter.LANDMARKS_FILE + "," + who.id() + ","
              + String.format(Locale.ROOT, "%.6f", session.camera().clockOffsetS()));
          progress.accept(session.id());
        }
      }
      dev.mimik.core.io.AtomicFiles.writeString(tmp.resolve("manifest.csv"), String.join("\n", manifest) + "\n");
    });
  }
}
