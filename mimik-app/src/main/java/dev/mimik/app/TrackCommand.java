package dev.mimik.app;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkFormats;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.face.io.GltfRigReader;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.pipeline.TrackingModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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

  @Option(names = "--eye-adjust",
      description = "experimental: move the tracked eyelids by the fused EOG/landmark eye state (ELAM) and fit the"
          + " eyelid distances (LDL); it does not yet reproduce blinks on simulated earpiece data")
  private boolean eyeAdjust;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Signal signal = SignalFormats.standard().read(signals);
    LandmarkTrack truthTrack = truth == null ? null : LandmarkFormats.standard().read(truth);
    Path truthShapesFile = truth == null ? null : truth.resolveSibling("blendshapes.csv");
    BlendshapeTrack truthShapes = truthShapesFile != null && Files.isRegularFile(truthShapesFile)
        ? BlendshapeCsv.read(truthShapesFile) : null;
    double[][] truthBlinks = truth == null ? null : readBlinks(truth.resolveSibling("blinks.csv"));
    FaceRig rig = no3d ? null : faceModel == null ? EmbeddedRig.load() : new GltfRigReader().read(faceModel);
    try (TrackingModel m = TrackingModel.load(model); Progress progress = new Progress(err, "tracking")) {
      TrackRun run = TrackRun.run(m, signal, signals, offline, rig, eyeAdjust, progress);
      LandmarkMetrics metrics = run.write(out, "mimik track: " + signals.getFileName(), truthTrack, truthShapes,
          truthBlinks);
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

  /**
   * The simulator's true blinks ({@code onset_s,duration_s} per line after a header), or null when the file is
   * absent.
   */
  static double[][] readBlinks(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines = Files.readAllLines(file);
    double[][] out = new double[Math.max(0, lines.size() - 1)][];
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      try {
        out[i - 1] = new double[] {Double.parseDouble(cells[0].strip()), Double.parseDouble(cells[1].strip())};
      } catch (RuntimeException e) {
        throw new BadInputException(file, "line " + (i + 1) + " is not onset_s,duration_s: '" + lines.get(i) + "'");
      }
    }
    return out;
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
