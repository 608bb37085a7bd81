package dev.mimik.spark.tasks;

import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.sim.face.SimulatedFace;
import dev.mimik.sim.session.SessionWriter;
import dev.mimik.sim.session.SimulationSettings;
import dev.mimik.sim.session.Simulator;
import dev.mimik.spark.job.Recording;
import dev.mimik.spark.job.RecordingTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code mimik simulate}, one session per task: {@link Simulator#writeSession}, the code {@code mimik simulate}
 * runs for each session, so a session's files are the same bytes. The options are {@code mimik simulate}'s.
 *
 * @param montage {@code earpiece}, {@code fridlund} or a montage CSV file every executor can read
 * @param format edf, bdf or csv
 * @param conditions realistic or controlled
 * @param ict the ICT FaceKit conversion that makes the faces under realistic conditions ({@link SimulatedFace}), a
 *     folder every executor can read; where it is missing, the variant of the embedded rig does
 */
public record SimulateTask(int participants, int sessions, double minutes, long seed, String montage, double rate,
    double fps, String format, String conditions, String ict) implements RecordingTask {

  /** The settings, checked; a bad option is refused here, on the driver, before any task runs. */
  public SimulationSettings settings() {
    return SimulationSettings.ofOptions(participants, sessions, minutes, seed, montage, rate, fps, conditions);
  }

  /** One recording per session, {@code p01/s01} and on, with its participant index and session index as inputs. */
  public List<Recording> recordings() {
    SessionWriter.of(format);
    settings();
    List<Recording> out = new ArrayList<>();
    for (int p = 0; p < participants; p++) {
      for (int s = 0; s < sessions; s++) {
        String id = Simulator.sessionId(p, s);
        out.add(new Recording(id, id.substring(0, id.indexOf('/')),
            Map.of("participant", Integer.toString(p), "session", Integer.toString(s))));
      }
    }
    return out;
  }

  /** The face the sessions film, as {@code mimik simulate} chooses it; {@code note} hears why if it is the variant. */
  public FaceRig face(Consumer<String> note) {
    return SimulatedFace.of(settings().conditions(), EmbeddedRig.load(), Path.of(ict), note);
  }

  @Override
  public String command() {
    return "simulate";
  }

  @Override
  public Map<String, Double> run(Recording recording, Inputs inputs, Path out) throws Exception {
    Simulator simulator = new Simulator(face(note -> { }), SessionWriter.of(format), settings());
    simulator.writeSession(Integer.parseInt(recording.input("participant")),
        Integer.parseInt(recording.input("session")), out);
    return Map.of();
  }

  /** {@code manifest.csv} of the sessions, as {@code mimik simulate} writes it (each line recomputed from the seed, without simulating). */
  public String manifest(List<Recording> recordings) {
    Simulator simulator = new Simulator(EmbeddedRig.load(), SessionWriter.of(format), settings());
    StringBuilder b = new StringBuilder(Simulator.manifestHeader(settings().conditions())).append('\n');
    for (Recording r : recordings) {
      b.append(simulator.manifestLine(Integer.parseInt(r.input("participant")), Integer.parseInt(r.input("session"))))
          .append('\n');
    }
    return b.toString();
  }
}
