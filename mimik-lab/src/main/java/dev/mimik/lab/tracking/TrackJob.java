package dev.mimik.lab.tracking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
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
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.sim.session.GroundTruth;
import dev.mimik.track.FaceFit;
import dev.mimik.track.RecordingTracker;
import dev.mimik.track.TrackedRecording;
import dev.mimik.track.TrackingRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * One {@code mimik track} run on one recording: read it, track it, and write the files of FORMATS.md
 * ({@code landmarks.csv}, {@code blendshapes.csv}, {@code face.glb}, {@code report.html} and, with a truth,
 * {@code metrics.json}). {@code mimik track} and {@code mimik batch track} both run it, so they write the same bytes.
 *
 * <p>The steps are separate so that a caller can show progress per step: {@link #read}, {@link #track},
 * {@link #ablation}, {@link #write}.
 */
public final class TrackJob {

  /**
   * How to track.
   *
   * @param faceModel a glTF face with the ARKit morph targets, or null for the embedded rig
   * @param no3d landmarks only
   * @param offline zero-phase filters, RTS smoothing, the blink detector on the whole recording
   * @param eyeAdjust ELAM and LDL
   * @param eyeAblation also fit without and with ELAM and LDL and score each (needs a simulator truth)
   */
  public record Settings(Path faceModel, boolean no3d, boolean offline, boolean eyeAdjust, boolean eyeAblation)
      implements java.io.Serializable {

    /** The command's defaults: the embedded rig, 3D, causal, ELAM and LDL, no ablation. */
    public static Settings defaults() {
      return new Settings(null, false, false, true, false);
    }
  }

  /** What {@link #write} wrote: the metrics when there was a truth (else null). */
  public record Written(LandmarkMetrics metrics, ObjectNode metricsJson) {}

  private final Settings settings;
  private final Path signals;
  private final Signal signal;
  private final GroundTruth truth;
  private final FaceRig rig;

  private TrackJob(Settings settings, Path signals, Signal signal, GroundTruth truth, FaceRig rig) {
    this.settings = settings;
    this.signals = signals;
    this.signal = signal;
    this.truth = truth;
    this.rig = rig;
  }

  /**
   * Reads the recording, the truth (or none) and the face, and refuses an ablation it cannot run.
   *
   * @param truth the truth landmarks, or null
   */
  public static TrackJob read(Settings settings, Path signals, Path truth) throws IOException {
    Signal signal = SignalFormats.standard().read(signals);
    GroundTruth truthFiles = truth == null ? null : GroundTruth.read(truth);
    if (settings.eyeAblation() && (settings.no3d() || truthFiles == null || truthFiles.blendshapes() == null)) {
      throw new BadInputException(
          "--eye-ablation needs the 3D fit and --truth with the simulator's blendshapes.csv beside it");
    }
    FaceRig rig = settings.no3d() ? null
        : settings.faceModel() == null ? EmbeddedRig.load() : new GltfRigReader().read(settings.faceModel());
    return new TrackJob(settings, signals, signal, truthFiles, rig);
  }

  /** The recording read. */
  public Signal signal() {
    return signal;
  }

  /** Tracks the recording through the pipeline {@code mimik serve} runs, with these settings' options. */
  public TrackedRecording track(TrackingModel model, Consumer<String> warnings, DoubleConsumer progress) {
    TrackingRecipe recipe = TrackingRecipe.causal().withOffline(settings.offline())
        .withFace(settings.eyeAdjust() ? FaceFit.ELAM_LDL : FaceFit.PLAIN);
    return RecordingTracker.track(model, signal, signals, rig, recipe, warnings, progress);
  }

  /** The ablation's rows when the settings ask for it, else an empty list. */
  public List<FaceScores.Row> ablation(TrackingModel model, TrackedRecording tracked, DoubleConsumer progress) {
    return settings.eyeAblation() ? FaceFitAblation.run(model, rig, tracked, truth, progress) : List.of();
  }

  /** Reports on the run and writes every output into {@code dir}. */
  public Written write(Path dir, TrackingModel model, TrackedRecording tracked, List<FaceScores.Row> ablation)
      throws IOException {
    TrackReport report = new TrackReport(model, signal, tracked, rig);
    LandmarkMetrics metrics = truth == null ? null : report.against(truth);
    FaceScores.Row face = report.face(truth);
    HtmlReport html = report.report("mimik track: " + signals.getFileName(), metrics, face, ablation);
    ObjectNode json = metrics == null ? null : report.metrics(metrics, face, ablation);
    writeOutputs(dir, tracked, rig, html, json);
    return new Written(metrics, json);
  }

  /** The outputs of FORMATS.md written into {@code dir}; metrics.json when {@code metrics} is not null. */
  public static void writeOutputs(Path dir, TrackedRecording tracked, FaceRig rig, HtmlReport report,
      ObjectNode metrics) throws IOException {
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
