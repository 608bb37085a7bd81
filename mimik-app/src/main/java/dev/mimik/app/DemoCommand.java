package dev.mimik.app;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.lab.demo.Demo;
import dev.mimik.lab.face.FaceScores;
import dev.mimik.lab.tracking.TrackJob;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.Session;
import dev.mimik.learn.train.TrainingOptions;
import dev.mimik.sim.session.GroundTruth;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mimik demo}: the whole BioFace-3D loop on built-in synthetic data ({@link Demo}): two simulated participants
 * wear the earpiece for two sessions each under the simulator's realistic conditions (put on afresh each session,
 * camera clock found by {@code --sync auto}); writes the trained models, the first participant's tracked held-out
 * session ({@code track/}) and a summary report.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The whole loop on built-in synthetic data: simulate, train, track a held-out session, evaluate, report.",
      "",
      "Example: mimik demo --out demo-out"
    })
public final class DemoCommand implements Callable<Integer> {

  private static final int PARTICIPANTS = 2;
  /** Marks a folder as a demo's own output, which a later demo run may replace. */
  private static final String MARKER = ".mimik-demo";

  @Spec private CommandSpec spec;

  @Mixin private EngineOptions engine;

  @Option(names = "--out", defaultValue = "demo-out", description = "output folder (default ${DEFAULT-VALUE})")
  private Path out;

  @Option(names = "--minutes", defaultValue = "6", description = "minutes per simulated session (default ${DEFAULT-VALUE})")
  private double minutes;

  @Option(names = "--epochs", defaultValue = "30", description = "most training epochs (default ${DEFAULT-VALUE})")
  private int epochs;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the simulation and training (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--conditions", defaultValue = "realistic",
      description = "the simulator's conditions, realistic or controlled (see 'mimik simulate --help');"
          + " --sync auto refuses sessions too short to find their clocks (default ${DEFAULT-VALUE})")
  private String conditions;

  @Override
  public Integer call() throws Exception {
    engine.apply();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    long started = System.nanoTime();
    prepareOutput();
    Path data = out.resolve("data");
    step(o, "1/4 simulating " + PARTICIPANTS + " participants x 2 sessions x " + minutes + " min (earpiece, 1 kHz, "
        + conditions + " conditions)");
    int code = new CommandLine(new SimulateCommand()).setOut(err).setErr(err).execute("--out", data.toString(),
        "--participants", "" + PARTICIPANTS, "--sessions-per-participant", "2", "--minutes", "" + minutes,
        "--seed", "" + seed, "--montage", "earpiece", "--conditions", conditions);
    if (code != 0) {
      return code;
    }
    step(o, "1/4 reading the sessions, finding camera clocks not given (--sync auto)");
    List<Session> sessions = new SessionFiles(SessionFiles.Sync.AUTO, err).fromManifest(data.resolve("manifest.csv"));
    List<GroundTruth> truths = new ArrayList<>();
    for (Session s : sessions) {
      truths.add(GroundTruth.read(s.source().resolveSibling("truth").resolve("landmarks.csv")));
    }
    Demo demo = new Demo(sessions, truths, LandmarkSet.IBUG_51, TrainingOptions.defaults().withEpochs(epochs)
        .withSeed(seed));
    FaceRig rig = EmbeddedRig.load();
    Demo.Result r;
    try (Progress progress = new Progress(err, "tracking")) {
      r = demo.run(rig, new Demo.Listener() {
        @Override
        public void step(String text) {
          DemoCommand.step(o, text);
        }

        @Override
        public void warn(String text) {
          progress.warn(text);
        }

        @Override
        public void progress(double fraction) {
          progress.update(fraction);
        }
      });
    }
    try {
      Files.createDirectories(out.resolve("models"));
      for (int p = 0; p < r.models().size(); p++) {
        r.models().get(p).model().save(out.resolve("models").resolve(sessions.get(2 * p).participant() + ".mimik"));
      }
      FaceScores.Row face = r.report().face(truths.get(1));
      TrackJob.writeOutputs(out.resolve("track"), r.tracked(), rig, r.report().report("mimik demo: "
          + sessions.get(1).name() + " tracked from biosignals alone", r.metrics(), face, r.ablation()),
          r.report().metrics(r.metrics(), face, r.ablation()));
      demo.summaryReport(r, minutes, conditions.equals("realistic")).write(out.resolve("report.html"));
    } finally {
      r.models().forEach(m -> m.model().close());
    }
    o.print(demo.summaryText(r));
    o.printf(Locale.ROOT, "done in %.0f s. Open %s (summary) and %s (tracked face: face.glb, blendshapes.csv)%n",
        (System.nanoTime() - started) / 1e9, out.resolve("report.html"), out.resolve("track"));
    o.flush();
    return 0;
  }

  /**
   * Makes {@code out} ready: a new or empty folder is used as it is; a previous demo's output (it holds the marker
   * file) is replaced; anything else is refused, so the demo never deletes what it did not write.
   */
  private void prepareOutput() throws java.io.IOException {
    if (Files.isDirectory(out)) {
      boolean empty;
      try (var entries = Files.list(out)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(out.resolve(MARKER))) {
        throw new BadInputException(out, "exists and is not the output of an earlier 'mimik demo'; choose another --out");
      }
      if (!empty) {
        try (var walk = Files.walk(out)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    } else if (Files.exists(out)) {
      throw new BadInputException(out, "exists and is not a folder");
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve(MARKER), "written by mimik demo; the next demo run into this folder replaces it\n");
  }

  private static void step(PrintWriter o, String text) {
    o.println("mimik demo " + text);
    o.flush();
  }
}
