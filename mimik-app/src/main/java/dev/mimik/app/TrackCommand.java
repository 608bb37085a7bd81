package dev.mimik.app;

import dev.mimik.core.data.Signal;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.face.io.GltfRigReader;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.pipeline.TrackingModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
      "",
      "Example: mimik track --model me.mimik --signals session2.edf --out tracked"
    })
public final class TrackCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

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

  @Option(names = "--offline", description = "zero-phase filtering and RTS smoothing (look ahead; recordings only)")
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
    PrintWriter err = spec.commandLine().getErr();
    Signal signal = SignalFormats.standard().read(signals);
    SessionTruth truthFiles = truth == null ? null : SessionTruth.read(truth);
    if (eyeAblation && (no3d || truthFiles == null || truthFiles.blendshapes() == null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--eye-ablation needs the 3D fit and --truth with the simulator's blendshapes.csv beside it");
    }
    FaceRig rig = no3d ? null : faceModel == null ? EmbeddedRig.load() : new GltfRigReader().read(faceModel);
    try (TrackingModel m = TrackingModel.load(model); Progress progress = new Progress(err, "tracking")) {
      TrackRun run = TrackRun.run(m, signal, signals, offline, rig,
          eyeAdjust ? TrackRun.FaceFit.EYES : TrackRun.FaceFit.PLAIN, progress);
      List<FaceFitAblation.Row> ablation = List.of();
      if (eyeAblation) {
        try (Progress fits = new Progress(err, "eye ablation")) {
          ablation = FaceFitAblation.run(run, truthFiles, fits);
        }
      }
      LandmarkMetrics metrics = run.write(out, "mimik track: " + signals.getFileName(), truthFiles, ablation);
      PrintWriter o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "tracked %d frames (%.1f s) into %s; network %.2f ms/frame (p99 %.2f ms)%n",
          run.landmarks().frameCount(), signal.durationSeconds(), out, mean(run.networkMillis()),
          percentile(run.networkMillis(), 0.99));
      if (metrics != null) {
        o.printf(Locale.ROOT, "against %s: nme_percent %.2f, mae_mm %.2f over %d frames%n", truth,
            metrics.nmePercent(), metrics.maeMm(), metrics.frames());
      }
    }
    return 0;
  }

  static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(Double.NaN);
  }

  static double percentile(double[] v, double p) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)];
  }
}
