package dev.mimik.app;

import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.lab.face.FaceScores;
import dev.mimik.lab.tracking.TrackJob;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.track.StageTimings;
import dev.mimik.track.TrackedRecording;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mimik track}: reconstructs the face from biosignals alone with a trained model and writes landmarks,
 * blendshapes, an animated {@code face.glb} and a report.
 */
@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description = {
      "Track the face from biosignals alone: landmarks.csv, blendshapes.csv, face.glb and report.html.",
      "Runs the same pipeline as 'mimik serve' (causal filters, BioNet, Kalman smoothing, the blink detector, the",
      "face fit with the person's identity), so it writes what the live viewer shows; --offline looks ahead.",
      "",
      "Example: mimik track --model me.mimik --signals session2.edf --out tracked"
    })
public final class TrackCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private EngineOptions engine;

  @Option(names = "--model", required = true, paramLabel = "MODEL.mimik", description = "a model from 'mimik train'")
  private Path model;

  @Option(names = "--signals", required = true, paramLabel = "SIGNALS", description = "the recording (EDF/BDF/XDF/OpenBCI/CSV)")
  private Path signals;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  private Path out;

  @Option(names = "--face-model", paramLabel = "FILE.glb",
      description = "a glTF face with the 52 ARKit morph targets (default: the embedded mimik-mediapipe rig)")
  private Path faceModel;

  @Option(names = "--no-3d", description = "landmarks only: no rig fit, blendshapes or face.glb")
  private boolean no3d;

  @Option(names = "--offline", description = "zero-phase filtering, RTS smoothing and the blink detector on the whole"
      + " recording (look ahead; recordings only)")
  private boolean offline;

  @Option(names = "--truth", paramLabel = "LANDMARKS",
      description = "ground-truth landmarks of the same session: adds metrics.json and the errors to the report")
  private Path truth;

  @Option(names = "--eye-adjust", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "move the tracked eyelids by the eye state from the model's blink detector (ELAM) and fit the"
          + " eyelid and lip distances (LDL), so the face blinks when the person does (default on; --no-eye-adjust"
          + " fits the landmarks as tracked)")
  private boolean eyeAdjust;

  @Option(names = "--eye-ablation",
      description = "with --truth from 'mimik simulate': also fit the face with and without ELAM and LDL and score"
          + " each against the true face (eye state, mouth closure, mesh error) in metrics.json and the report")
  private boolean eyeAblation;

  @Override
  public Integer call() throws Exception {
    engine.apply();
    PrintWriter err = spec.commandLine().getErr();
    TrackJob job = TrackJob.read(new TrackJob.Settings(faceModel, no3d, offline, eyeAdjust, eyeAblation), signals,
        truth);
    try (TrackingModel m = TrackingModel.load(model)) {
      PrintWriter o = spec.commandLine().getOut();
      if (job.streams()) {
        TrackJob.Run run;
        try (Progress progress = new Progress(err, "tracking")) {
          run = job.run(out, m, progress::warn, progress::update);
        }
        printTracked(o, run.frames(), run.durationSeconds(), run.networkMillis());
        return 0;
      }
      err.println("note: " + (offline ? "--offline filters" : "--truth scores") + " the whole recording: memory"
          + " grows with its length");
      TrackedRecording tracked;
      try (Progress progress = new Progress(err, "tracking")) {
        tracked = job.track(m, progress::warn, progress::update);
      }
      List<FaceScores.Row> ablation;
      try (Progress fits = new Progress(err, "eye ablation")) {
        ablation = job.ablation(m, tracked, fits::update);
      }
      LandmarkMetrics metrics = job.write(out, m, tracked, ablation).metrics();
      printTracked(o, tracked.frames().size(), job.signal().durationSeconds(), tracked.timings().of("network"));
      if (metrics != null) {
        o.printf(Locale.ROOT, "against %s: nme_percent %.2f, mae_mm %.2f over %d frames%s%n", truth,
            metrics.nmePercent(), metrics.maeMm(), metrics.frames(), Double.isNaN(metrics.pupilNmePercent()) ? ""
                : String.format(Locale.ROOT, "; pupil_nme_percent %.2f", metrics.pupilNmePercent()));
      }
    }
    return 0;
  }

  private void printTracked(PrintWriter o, int frames, double seconds, double[] networkMillis) {
    StageTimings.Summary network = StageTimings.summarise(networkMillis);
    o.printf(Locale.ROOT, "tracked %d frames (%.1f s) into %s; network %.2f ms/frame (p99 %.2f ms)%n", frames,
        seconds, out, network.mean(), network.p99());
  }
}
