package dev.mimik.app;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkFormats;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.face.gltf.GltfAnimationWriter;
import dev.mimik.face.io.GltfRigReader;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.lab.tracking.TrackReport;
import dev.mimik.track.FaceFit;
import dev.mimik.track.TrackedRecording;
import dev.mimik.track.TrackingRecipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mimik fit}: a landmark file (OpenFace 2.0, MediaPipe, generic CSV) fitted to the face rig by the tracking
 * pipeline's own smoothing, eye and face stages ({@link TrackingRecipe#fitLandmarks}); writes the blendshapes, the
 * animated face and a short report.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Fit landmarks from a video (OpenFace 2.0 CSV, MediaPipe's 478 points, or mimik's landmark CSV) to the 3D face:",
      "blendshapes.csv (the 52 ARKit weights per frame), face.glb (the face animated) and report.html. The fit is",
      "tracking's: the landmarks smoothed (two-sided), the eye state read from the lids, the person's rest shape",
      "(identity and landmark offsets) fitted on 120 frames spread over the file, then every frame with LDL.",
      "",
      "Example: mimik fit --landmarks video_openface.csv --out fitted"
    })
public final class FitCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--landmarks", required = true, paramLabel = "L.csv",
      description = "the landmarks: OpenFace 2.0 CSV, MediaPipe CSV (478 points) or time_s,x0,y0,... (68 or 70 points)")
  private Path landmarks;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  private Path out;

  @Option(names = "--face-model", paramLabel = "FILE.glb",
      description = "a glTF face with the 52 ARKit morph targets (default: the embedded mimik-mediapipe rig)")
  private Path faceModel;

  @Option(names = "--points", paramLabel = "68|53|51", description = "the landmarks fitted (default: 53, the 51"
      + " inner points and the pupils, when the file has the pupils, else 68)")
  private Integer points;

  @Option(names = "--eye-adjust", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "move the upper lids by the eye state read from them (ELAM) and fit the lid and lip openings"
          + " (LDL), as tracking does (default on; --no-eye-adjust fits the landmarks as smoothed)")
  private boolean eyeAdjust;

  @Override
  public Integer call() throws Exception {
    LandmarkTrack track = LandmarkFormats.standard().read(landmarks);
    if (track.pointCount() != 68 && track.pointCount() != 70) {
      throw new BadInputException(landmarks, "holds " + track.pointCount() + " points; the fit reads 68 iBUG points,"
          + " or 70 with the pupils");
    }
    LandmarkSet set = points == null ? (track.pointCount() == 70 ? LandmarkSet.IBUG_53 : LandmarkSet.IBUG_68)
        : set(points);
    FaceRig rig = faceModel == null ? EmbeddedRig.load() : new GltfRigReader().read(faceModel);
    TrackingRecipe recipe = TrackingRecipe.causal().withOffline(true)
        .withFace(eyeAdjust ? FaceFit.ELAM_LDL : FaceFit.PLAIN);
    TrackedRecording fitted;
    try {
      fitted = recipe.fitLandmarks(track, set, rig);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(landmarks, e.getMessage());
    }
    BlendshapeTrack shapes = fitted.blendshapes();
    Files.createDirectories(out);
    BlendshapeCsv.write(shapes, out.resolve("blendshapes.csv"));
    new GltfAnimationWriter().write(rig, shapes, out.resolve("face.glb"));
    TrackReport.fitted("mimik fit: " + landmarks.getFileName(), fitted, rig).write(out.resolve("report.html"));
    spec.commandLine().getOut().printf(Locale.ROOT, "fitted %d frames (%s, %s) into %s%n", shapes.frameCount(),
        set.name().toLowerCase(Locale.ROOT), rig.name(), out);
    return 0;
  }

  private static LandmarkSet set(int points) {
    try {
      return LandmarkSet.ofSize(points);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--points: " + e.getMessage());
    }
  }
}
