package dev.mimik.app;

import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.sim.face.SimulatedFace;
import dev.mimik.sim.session.SessionWriter;
import dev.mimik.sim.session.SimulationSettings;
import dev.mimik.sim.session.Simulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mimik simulate}: writes a synthetic dataset (biosignals, detected landmarks, exact ground truth and a
 * {@code manifest.csv} for {@code mimik train}) from a seed.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate participants performing BioFace-3D's protocol (7 expressions, blinks, gaze, speech, head motion)",
      "and write their biosignals, camera landmarks and exact ground truth, with a manifest.csv for 'mimik train'.",
      "",
      "Under realistic conditions the faces are made by another face model than the one mimik fits: the ICT FaceKit",
      "rig (--ict), or without it a variant of mimik's rig (said on stderr); under controlled ones by mimik's rig.",
      "Biosignals are EDF+ unless --format says otherwise, landmarks OpenFace 2.0 CSV.",
      "",
      "Example: mimik simulate --out sim --participants 4 --minutes 5 --montage earpiece --seed 1"
    })
public final class SimulateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--out", required = true, description = "output folder (must not exist or be empty)")
  private Path out;

  @Option(names = "--participants", defaultValue = "1", description = "number of participants (default ${DEFAULT-VALUE})")
  private int participants;

  @Option(names = "--sessions-per-participant", defaultValue = "1",
      description = "sessions per participant (default ${DEFAULT-VALUE})")
  private int sessions;

  @Option(names = "--minutes", defaultValue = "5", description = "minutes per session (default ${DEFAULT-VALUE})")
  private double minutes;

  @Option(names = "--seed", defaultValue = "1", description = "seed of everything (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--montage", defaultValue = "earpiece",
      description = "earpiece, fridlund or a montage CSV file (default ${DEFAULT-VALUE})")
  private String montage;

  @Option(names = "--rate", defaultValue = "1000", description = "biosignal sampling rate in Hz (default ${DEFAULT-VALUE})")
  private double rate;

  @Option(names = "--fps", defaultValue = "30", description = "camera frames per second (default ${DEFAULT-VALUE})")
  private double fps;

  @Option(names = "--format", defaultValue = "edf",
      description = "biosignal file format: edf (EDF+), bdf (BDF+) or csv (default ${DEFAULT-VALUE})")
  private String format;

  @Option(names = "--conditions", defaultValue = "realistic",
      description = "realistic (earpiece put on afresh each session, camera clock 0.2-5 s off and drifting, left to"
          + " 'train --sync auto'; varied expressions and speech) or controlled (same placement every session,"
          + " clocks in the manifest, BioFace-3D's seven templates) (default ${DEFAULT-VALUE})")
  private String conditions;

  @Option(names = "--ict", paramLabel = "DIR", defaultValue = "../shared/data/ict-facekit",
      description = "the ICT FaceKit conversion that makes the faces under realistic conditions; where it is missing, a"
          + " variant of mimik's rig does (default ${DEFAULT-VALUE})")
  private Path ict;

  @Override
  public Integer call() throws Exception {
    SimulationSettings settings = settings();
    SessionWriter writer = SessionWriter.of(format);
    PrintWriter err = spec.commandLine().getErr();
    FaceRig face = SimulatedFace.of(settings.conditions(), EmbeddedRig.load(), ict, err::println);
    int total = participants * sessions;
    int[] done = {0};
    long start = System.nanoTime();
    new Simulator(face, writer, settings).write(out, id -> {
      done[0]++;
      err.printf(Locale.ROOT, "simulated %s (%d/%d)%n", id, done[0], total);
      err.flush();
    });
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d sessions (%.1f min each, faces of %s) to %s in %.1f s%n",
        total, minutes, face.name(), out, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private SimulationSettings settings() {
    return SimulationSettings.ofOptions(participants, sessions, minutes, seed, montage, rate, fps, conditions);
  }
}
