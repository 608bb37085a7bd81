package dev.mimik.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.LandmarkCsvWriter;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.landmarks.MetricsJson;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.face.gltf.GltfAnimationWriter;
import dev.mimik.face.io.GltfRigReader;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.lab.face.FaceFitAblation;
import dev.mimik.lab.face.FaceScores;
import dev.mimik.lab.tracking.TrackReport;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.sim.session.GroundTruth;
import dev.mimik.track.FaceFit;
import dev.mimik.track.RecordingTracker;
import dev.mimik.track.StageTimings;
import dev.mimik.track.TrackedRecording;
import dev.mimik.track.TrackingRecipe;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
    Signal signal = SignalFormats.standard().read(signals);
    GroundTruth truthFiles = truth == null ? null : GroundTruth.read(truth);
    if (eyeAblation && (no3d || truthFiles == null || truthFiles.blendshapes() == null)) {
      throw new ParameterException(spec.commandLine(),
          "--eye-ablation needs the 3D fit and --truth with the simulator's blendshapes.csv beside it");
    }
    FaceRig rig = no3d ? null : faceModel == null ? EmbeddedRig.load() : new GltfRigReader().read(faceModel);
    TrackingRecipe recipe = TrackingRecipe.causal().withOffline(offline)
        .withFace(eyeAdjust ? FaceFit.ELAM_LDL : FaceFit.PLAIN);
    try (TrackingModel m = TrackingModel.load(model)) {
      TrackedRecording tracked;
      try (Progress progress = new Progress(err, "tracking")) {
        tracked = RecordingTracker.track(m, signal, signals, rig, recipe, progress::warn, progress::update);
      }
      List<FaceScores.Row> ablation = List.of();
      if (eyeAblation) {
        try (Progress fits = new Progress(err, "eye ablation")) {
          ablation = FaceFitAblation.run(m, rig, tracked, truthFiles, fits::update);
        }
      }
      TrackReport report = new TrackReport(m, signal, tracked, rig);
      LandmarkMetrics metrics = truthFiles == null ? null : report.against(truthFiles);
      FaceScores.Row face = report.face(truthFiles);
      write(out, tracked, rig, report.report("mimik track: " + signals.getFileName(), metrics, face, ablation),
          metrics == null ? null : report.metrics(metrics, face, ablation));
      PrintWriter o = spec.commandLine().getOut();
      StageTimings.Summary network = StageTimings.summarise(tracked.timings().of("network"));
      o.printf(Locale.ROOT, "tracked %d frames (%.1f s) into %s; network %.2f ms/frame (p99 %.2f ms)%n",
          tracked.frames().size(), signal.durationSeconds(), out, network.mean(), network.p99());
      if (metrics != null) {
        o.printf(Locale.ROOT, "against %s: nme_percent %.2f, mae_mm %.2f over %d frames%s%n", truth,
            metrics.nmePercent(), metrics.maeMm(), metrics.frames(), Double.isNaN(metrics.pupilNmePercent()) ? ""
                : String.format(Locale.ROOT, "; pupil_nme_percent %.2f", metrics.pupilNmePercent()));
      }
    }
    return 0;
  }

  /** The outputs of FORMATS.md written into {@code dir}; metrics.json when there are metrics. */
  static void write(Path dir, TrackedRecording tracked, FaceRig rig, HtmlReport report, ObjectNode metrics)
      throws IOException {
    Files.createDirectories(dir);
    new LandmarkCsvWriter().write(tracked.ibugLandmarks(), dir.resolve("landmarks.csv"));
    BlendshapeTrack shapes = tracked.blendshapes();
    if (shapes != null) {
      BlendshapeCsv.write(shapes, dir.resolve("blendshapes.csv"));
      new GltfAnimationWriter().write(rig, shapes, dir.resolve("face.glb"));
    }
    if (metrics != null) {
      MetricsJson.write(metrics, dir.resolve("metrics.json"));
    }
    report.write(dir.resolve("report.html"));
  }
}
