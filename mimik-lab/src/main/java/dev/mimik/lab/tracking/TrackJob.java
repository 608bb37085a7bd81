package dev.mimik.lab.tracking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.core.io.SignalStream;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.LandmarkCsvWriter;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.landmarks.MetricsJson;
import dev.mimik.eval.report.Charts;
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
import dev.mimik.track.Frame;
import dev.mimik.track.RecordingTracker;
import dev.mimik.track.TrackedRecording;
import dev.mimik.track.TrackingRecipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.knowm.xchart.XYChart;

/**
 * One {@code mimik track} run on one recording: read it, track it, and write the files of FORMATS.md
 * ({@code landmarks.csv}, {@code blendshapes.csv}, {@code face.glb}, {@code report.html} and, with a truth,
 * {@code metrics.json}). {@code mimik track} and {@code mimik batch track} both run it, so they write the same bytes.
 *
 * <p>Causal tracking without a truth ({@link #streams()}) is one step, {@link #run}: the recording is tracked as it
 * is read and the outputs are written as the frames leave the pipeline, so memory does not grow with the
 * recording's length. Otherwise the steps are separate so that a caller can show progress per step: {@link #read},
 * {@link #track}, {@link #ablation}, {@link #write}; these hold the whole recording and every frame (offline
 * filtering is zero-phase over the whole recording, and the scores against a truth take every frame).
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
  private final GroundTruth truth;
  private final FaceRig rig;
  private Signal signal;

  private TrackJob(Settings settings, Path signals, GroundTruth truth, FaceRig rig) {
    this.settings = settings;
    this.signals = signals;
    this.truth = truth;
    this.rig = rig;
  }

  /**
   * Reads the truth (or none) and the face, and refuses an ablation it cannot run; the recording is read by
   * {@link #run} or {@link #track}.
   *
   * @param truth the truth landmarks, or null
   */
  public static TrackJob read(Settings settings, Path signals, Path truth) throws IOException {
    GroundTruth truthFiles = truth == null ? null : GroundTruth.read(truth);
    if (settings.eyeAblation() && (settings.no3d() || truthFiles == null || truthFiles.blendshapes() == null)) {
      throw new BadInputException(
          "--eye-ablation needs the 3D fit and --truth with the simulator's blendshapes.csv beside it");
    }
    FaceRig rig = settings.no3d() ? null
        : settings.faceModel() == null ? EmbeddedRig.load() : new GltfRigReader().read(settings.faceModel());
    return new TrackJob(settings, signals, truthFiles, rig);
  }

  /** Whether {@link #run} applies: causal tracking, without a truth to score against. */
  public boolean streams() {
    return !settings.offline() && truth == null;
  }

  /**
   * What {@link #run} tracked.
   *
   * @param frames frames written
   * @param durationSeconds the length of the recording tracked
   * @param networkMillis the network's time on each tracked frame
   */
  public record Run(int frames, double durationSeconds, double[] networkMillis) {}

  /**
   * Tracks the recording as it is read ({@link #streams()} must hold) and writes every output into {@code dir} as
   * the frames come: the landmark and blendshape rows and the face's animation to temporary files renamed at the end,
   * what the report draws to a frame log; the recording is read a second time for the report's signal chart.
   */
  public Run run(Path dir, TrackingModel model, Consumer<String> warnings, DoubleConsumer progress)
      throws IOException {
    if (!streams()) {
      throw new IllegalStateException("offline tracking and scores against a truth take the whole recording");
    }
    boolean existed = Files.isDirectory(dir);
    Files.createDirectories(dir);
    try {
      return runInto(dir, model, warnings, progress);
    } catch (IOException | RuntimeException e) {
      if (!existed) {
        try {
          // no output was committed: only the folder made for them is left
          Files.deleteIfExists(dir);
        } catch (IOException notEmpty) {
          e.addSuppressed(notEmpty);
        }
      }
      throw e;
    }
  }

  private Run runInto(Path dir, TrackingModel model, Consumer<String> warnings, DoubleConsumer progress)
      throws IOException {
    LandmarkSet set = model.landmarkFrame().set();
    try (SignalStream stream = SignalFormats.standard().open(signals);
        FrameLog log = new FrameLog(set);
        LandmarkCsvWriter.Rows landmarks = new LandmarkCsvWriter.Rows(dir.resolve("landmarks.csv"),
            TrackedRecording.ibugPoints(set));
        FaceOutputs face = new FaceOutputs(dir, rig)) {
      long[] samples = new long[stream.channels().size()];
      DoubleArray millis = new DoubleArray();
      int[] networkStage = {-1};
      RecordingTracker.Streamed done = RecordingTracker.stream(model, counting(stream, samples), rig, recipe(),
          warnings, progress, names -> networkStage[0] = names.indexOf("network"), f -> {
            try {
              landmarks.row(f.timeSeconds(), TrackedRecording.ibugRow(set, f.landmarks()), !f.tracked());
              face.add(f);
              log.add(f);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            if (f.tracked() && networkStage[0] >= 0) {
              millis.add(f.stageNanos(networkStage[0]) / 1e6);
            }
          });
      XYChart chart;
      try (SignalStream again = SignalFormats.standard().open(signals)) {
        chart = Charts.signals(again, samples, 4);
      }
      HtmlReport report = TrackReport.streamed("mimik track: " + signals.getFileName(), model, log, chart, rig,
          done.rest() == null ? null : done.rest().identity());
      landmarks.commit();
      face.commit();
      report.write(dir.resolve("report.html"));
      return new Run(done.frames(), done.durationSeconds(), millis.toArray());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The blendshape rows and the face's animation, opened with the first frame that has blendshapes. */
  private static final class FaceOutputs implements java.io.Closeable {
    private final Path dir;
    private final FaceRig rig;
    private BlendshapeCsv.Rows rows;
    private GltfAnimationWriter.Frames animation;

    FaceOutputs(Path dir, FaceRig rig) {
      this.dir = dir;
      this.rig = rig;
    }

    void add(Frame f) throws IOException {
      if (rows == null && animation == null) {
        if (f.blendshapes() == null) {
          return;
        }
        rows = new BlendshapeCsv.Rows(dir.resolve("blendshapes.csv"), Blendshapes.ARKIT_52);
        animation = new GltfAnimationWriter.Frames(rig, Blendshapes.ARKIT_52);
      }
      rows.row(f.timeSeconds(), f.blendshapes());
      animation.add(f.timeSeconds(), f.blendshapes());
    }

    void commit() throws IOException {
      if (rows != null) {
        rows.commit();
        animation.write(dir.resolve("face.glb"));
      }
    }

    @Override
    public void close() throws IOException {
      try (java.io.Closeable a = rows; java.io.Closeable b = animation) {
        // closes both, the first failure thrown
      }
    }
  }

  /** Doubles appended one at a time. */
  private static final class DoubleArray {
    private double[] values = new double[1024];
    private int size;

    void add(double v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, 2 * size);
      }
      values[size++] = v;
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }

  /** {@code stream} counting each channel's samples into {@code samples} as they are read. */
  private static SignalStream counting(SignalStream stream, long[] samples) {
    return SignalStream.mapped(stream, stream.channels(), block -> {
      for (int c = 0; c < block.length; c++) {
        samples[c] += block[c].length;
      }
      return block;
    });
  }

  /** Tracks the recording through the pipeline {@code mimik serve} runs, with these settings' options. */
  public TrackedRecording track(TrackingModel model, Consumer<String> warnings, DoubleConsumer progress)
      throws IOException {
    signal = SignalFormats.standard().read(signals);
    return RecordingTracker.track(model, signal, signals, rig, recipe(), warnings, progress);
  }

  /** The recording {@link #track} read. */
  public Signal signal() {
    return signal;
  }

  private TrackingRecipe recipe() {
    return TrackingRecipe.causal().withOffline(settings.offline())
        .withFace(settings.eyeAdjust() ? FaceFit.ELAM_LDL : FaceFit.PLAIN);
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
