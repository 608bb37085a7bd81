package dev.mimik.lab.tracking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.eval.eyes.ReconstructionScores;
import dev.mimik.eval.landmarks.LandmarkEvaluator;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.landmarks.MetricsJson;
import dev.mimik.eval.report.Charts;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.eval.report.LandmarkSections;
import dev.mimik.face.eyes.Eye;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.gallery.RigGallery;
import dev.mimik.lab.face.FaceScores;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.sim.session.GroundTruth;
import dev.mimik.track.TrackedRecording;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;

/**
 * What {@code mimik track} reports about a tracked recording: the eyes, the signals, the landmarks and blendshapes
 * over time and the tracked face at its most expressive moments; with ground truth, the landmark errors (and, for a
 * simulated session, the 3D face's scores and an ablation of the face fit) as report sections and metrics.json.
 */
public final class TrackReport {

  private final TrackingModel model;
  private final Signal signal;
  private final TrackedRecording tracked;
  private final FaceRig rig;

  /**
   * @param rig the face the blendshapes were fitted on, or null without 3D
   */
  public TrackReport(TrackingModel model, Signal signal, TrackedRecording tracked, FaceRig rig) {
    this.model = model;
    this.signal = signal;
    this.tracked = tracked;
    this.rig = rig;
  }

  /**
   * The tracked landmarks against the truth, which is aligned into the model's frame first
   * ({@link dev.mimik.learn.bioface.LandmarkFrame#aligned}).
   */
  public LandmarkMetrics against(GroundTruth truth) {
    try {
      return new LandmarkEvaluator().evaluate(tracked.ibugLandmarks(), model.landmarkFrame().aligned(
          truth.landmarks()));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** The 3D face against a simulated truth with blendshapes, or null when either is absent. */
  public FaceScores.Row face(GroundTruth truth) {
    BlendshapeTrack shapes = tracked.blendshapes();
    if (truth == null || truth.blendshapes() == null || shapes == null) {
      return null;
    }
    return FaceScores.score(rig, "this run", shapes, tracked.identity(), truth, model.frontEnd().fps());
  }

  /** metrics.json for a run against {@code truth}: the landmark errors, the 3D face's scores, the ablation's rows. */
  public ObjectNode metrics(LandmarkMetrics landmarks, FaceScores.Row face, List<FaceScores.Row> ablation) {
    ObjectNode json = MetricsJson.of(landmarks);
    if (face != null) {
      FaceScores.put(json, face);
    }
    if (!ablation.isEmpty()) {
      FaceScores.json(json.putArray("eye_ablation"), ablation);
    }
    return json;
  }

  /**
   * The report.
   *
   * @param landmarks the landmark errors against a truth, or null without one
   * @param face the 3D face's scores, or null
   * @param ablation the face fit's ablation rows (may be empty)
   */
  public HtmlReport report(String title, LandmarkMetrics landmarks, FaceScores.Row face,
      List<FaceScores.Row> ablation) {
    HtmlReport report = new HtmlReport(title);
    if (landmarks != null) {
      LandmarkSections.addEvaluation(report, "Tracked landmarks against the ground truth", landmarks);
    }
    if (face != null) {
      report.heading("The 3D face against the truth");
      FaceScores.addTo(report, List.of(face));
    }
    if (!ablation.isEmpty()) {
      report.heading("Ablation: eyelid adjustment (ELAM) and local dynamic loss (LDL)").paragraph("The same tracked"
          + " landmarks fitted each way and scored against the simulator's true face, as in Tables 1 and 2 of 'Eye"
          + " Motion Matters'. Eye state is scored per eye and frame where the true eye is fully open or closed (open"
          + " is positive); mesh errors are NoW-style, after rigid alignment, on every " + FaceScores.MESH_EVERY
          + "th frame.");
      FaceScores.addTo(report, ablation);
    }
    try (FrameLog log = FrameLog.of(tracked)) {
      sections(report, model, log, Charts.signals(signal, 4), rig, tracked.identity());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return report;
  }

  /**
   * The report of a recording tracked as it was read ({@code mimik track} without a truth): the sections of
   * {@link #report} drawn from the frames logged and the recording's chart.
   *
   * @param signals the chart of the recording's channels ({@link Charts#signals})
   * @param identity the identity the face was fitted with, or null without a face
   */
  static HtmlReport streamed(String title, TrackingModel model, FrameLog log, XYChart signals, FaceRig rig,
      double[] identity) throws IOException {
    HtmlReport report = new HtmlReport(title);
    sections(report, model, log, signals, rig, identity);
    return report;
  }

  /** The eyes, the signals, the landmarks and, with a face, the blendshapes and the face. */
  private static void sections(HtmlReport report, TrackingModel model, FrameLog log, XYChart signals, FaceRig rig,
      double[] identity) throws IOException {
    report.heading("Eyes").chart(log.hasEog()
        ? "Closure probability per eye, from the model's blink detector (" + model.blinks().orElseThrow().describe()
            + ")"
        : "Closure probability per eye, from the tracked eyelids (the model has no blink detector)",
        closureChart(log, rig, identity));
    report.heading("Signals").chart("The recording's channels", signals);
    report.heading("Landmarks").chart("Mouth, lips and an upper eyelid over time (vertical position, px)",
        landmarkChart(log));
    if (log.hasWeights()) {
      addFace(report, log, rig, "The tracked face");
    }
  }

  /**
   * What a landmark file fitted to the rig gave ({@code mimik fit}): the eyes read from its lids, the blendshapes
   * over time and the face at its most expressive moments.
   */
  public static HtmlReport fitted(String title, TrackedRecording fitted, FaceRig rig) {
    HtmlReport report = new HtmlReport(title);
    report.paragraph(String.format(Locale.ROOT, "%d frames (%d without a face), %s landmarks; the rig %s with the"
        + " person's rest shape (%d identity coefficients, %d landmark offsets).", fitted.frames().size(),
        fitted.landmarks().missingCount(), fitted.set().name().toLowerCase(Locale.ROOT), rig.name(),
        fitted.rest().identity().length, fitted.rest().offsets().length / 3));
    try (FrameLog log = FrameLog.of(fitted)) {
      report.heading("Landmarks").chart("Mouth, lips and an upper eyelid over time (vertical position, px)",
          landmarkChart(log));
      addFace(report, log, rig, "The fitted face");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return report;
  }

  /**
   * The sections of a face tracked as blendshapes alone (the headset views of {@code mimik ego track}): the most
   * active blendshapes over time and {@code rig} at the most expressive moment of each quarter of the recording.
   */
  public static HtmlReport addBlendshapes(HtmlReport report, BlendshapeTrack track, FaceRig rig) {
    BlendshapeTrack shapes = track.reordered(Blendshapes.ARKIT_52);
    try (FrameLog log = new FrameLog(dev.mimik.core.data.LandmarkSet.IBUG_68)) {
      for (int f = 0; f < shapes.frameCount(); f++) {
        log.add(shapes.timesSeconds()[f], shapes.weights()[f]);
      }
      addFace(report, log, rig, "The tracked face");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return report;
  }

  /** The key landmarks' heights over time. */
  private static XYChart landmarkChart(FrameLog log) throws IOException {
    List<String> names = new ArrayList<>(keyPoints().keySet());
    Charts.Thinning[] lines = new Charts.Thinning[names.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = new Charts.Thinning(names.get(i), log.frames());
    }
    log.forEach(row -> {
      for (int i = 0; i < lines.length; i++) {
        lines[i].add(row[FrameLog.TIME], row[FrameLog.HEIGHTS + i]);
      }
    });
    return Charts.thinnedLandmarks(Arrays.stream(lines).map(Charts.Thinning::series).toList());
  }

  /** The blendshapes over time and the face at the most expressive moment of each quarter. */
  private static void addFace(HtmlReport report, FrameLog log, FaceRig rig, String heading) throws IOException {
    List<String> names = Blendshapes.ARKIT_52;
    Charts.Activity activity = new Charts.Activity(names, log.frames());
    log.forEach(row -> activity.mean(Arrays.copyOfRange(row, FrameLog.WEIGHTS, row.length)));
    log.forEach(row -> activity.spread(Arrays.copyOfRange(row, FrameLog.WEIGHTS, row.length)));
    List<String> chosen = activity.mostActive(8);
    Charts.Thinning[] lines = chosen.stream().map(n -> new Charts.Thinning(n, log.frames()))
        .toArray(Charts.Thinning[]::new);
    int[] columns = chosen.stream().mapToInt(n -> FrameLog.WEIGHTS + names.indexOf(n)).toArray();
    int n = log.frames();
    int[] best = new int[Math.min(4, n)];
    double[] bestSum = new double[best.length];
    double[] times = new double[best.length];
    Arrays.fill(bestSum, -1);
    int[] f = {0};
    int[] q = {0};
    log.forEach(row -> {
      for (int i = 0; i < lines.length; i++) {
        lines[i].add(row[FrameLog.TIME], row[columns[i]]);
      }
      // the most expressive frame of each quarter of the recording (the first of the quarter on a tie)
      while (q[0] < best.length && f[0] >= (q[0] + 1) * n / best.length) {
        q[0]++;
      }
      if (q[0] < best.length) {
        int k = q[0];
        double sum = Arrays.stream(row, FrameLog.WEIGHTS, row.length).sum();
        if (f[0] == k * n / best.length || sum > bestSum[k]) {
          best[k] = f[0];
          times[k] = row[FrameLog.TIME];
          bestSum[k] = Math.max(bestSum[k], sum);
        }
      }
      f[0]++;
    });
    report.heading("Blendshapes").chart("The most active ARKit blendshapes",
        Charts.thinnedBlendshapes(Arrays.stream(lines).map(Charts.Thinning::series).toList()));
    report.heading(heading);
    RigGallery gallery = new RigGallery(rig);
    double[][] weights = log.weightsAt(best);
    for (int i = 0; i < best.length; i++) {
      Map<String, Double> expression = new LinkedHashMap<>();
      for (int k = 0; k < names.size(); k++) {
        expression.put(names.get(k), weights[i][k]);
      }
      String time = String.format(Locale.ROOT, "t = %.1f s", times[i]);
      report.image(time, png(gallery.render(expression, time)));
    }
  }

  private static XYChart closureChart(FrameLog log, FaceRig rig, double[] identity) throws IOException {
    List<Charts.Thinning> lines = new ArrayList<>();
    for (Eye eye : Eye.values()) {
      lines.add(new Charts.Thinning("closure, " + eye.name().toLowerCase(Locale.ROOT) + " eye", log.frames()));
    }
    Charts.Thinning aperture = log.hasWeights()
        ? new Charts.Thinning("3D face: 1 - aperture / neutral (mean of both eyes)", log.frames()) : null;
    ReconstructionScores scores = aperture == null ? null : new ReconstructionScores(rig);
    int batch = 512;
    List<double[]> pending = new ArrayList<>();
    Consumer<List<double[]>> apertures = rows -> {
      double[][] weights = rows.stream().map(r -> Arrays.copyOfRange(r, FrameLog.WEIGHTS, r.length))
          .toArray(double[][]::new);
      double[] t = rows.stream().mapToDouble(r -> r[FrameLog.TIME]).toArray();
      double[][] a = scores.relativeApertures(FaceScores.inRigOrder(rig, new BlendshapeTrack(t,
          Blendshapes.ARKIT_52, weights)), identity);
      for (int i = 0; i < a.length; i++) {
        aperture.add(t[i], 1 - (a[i][0] + a[i][1]) / 2);
      }
      rows.clear();
    };
    log.forEach(row -> {
      for (Eye eye : Eye.values()) {
        lines.get(eye.ordinal()).add(row[FrameLog.TIME], row[FrameLog.CLOSURES + eye.ordinal()]);
      }
      if (aperture != null) {
        pending.add(row.clone());
        if (pending.size() == batch) {
          apertures.accept(pending);
        }
      }
    });
    if (aperture != null) {
      if (!pending.isEmpty()) {
        apertures.accept(pending);
      }
      lines.add(aperture);
    }
    return Charts.thinnedTimeSeries("Eye closure", "closure", lines.stream().map(Charts.Thinning::series).toList());
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The landmarks the report follows over time: their names and iBUG numbers, in the chart's order. */
  static Map<String, Integer> keyPoints() {
    Map<String, Integer> points = new LinkedHashMap<>();
    points.put("mouth corner 48", 48);
    points.put("mouth corner 54", 54);
    points.put("upper lip 51", 51);
    points.put("lower lip 57", 57);
    points.put("upper eyelid 37", 37);
    return points;
  }
}
