package dev.mimik.lab.tracking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.LandmarkTrack;
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
import javax.imageio.ImageIO;

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
    report.heading("Eyes").chart(tracked.eogClosure() != null
        ? "Closure probability per eye, from the model's blink detector (" + model.blinks().orElseThrow().describe()
            + ")"
        : "Closure probability per eye, from the tracked eyelids (the model has no blink detector)", closureChart());
    report.heading("Signals").chart("The recording's channels", Charts.signals(signal, 4));
    LandmarkTrack ibug = tracked.ibugLandmarks();
    report.heading("Landmarks").chart("Mouth, lips and an upper eyelid over time (vertical position, px)",
        Charts.landmarks(ibug, keyPoints()));
    BlendshapeTrack shapes = tracked.blendshapes();
    if (shapes != null) {
      addFace(report, shapes, rig, "The tracked face");
    }
    return report;
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
    report.heading("Landmarks").chart("Mouth, lips and an upper eyelid over time (vertical position, px)",
        Charts.landmarks(fitted.ibugLandmarks(), keyPoints()));
    addFace(report, fitted.blendshapes(), rig, "The fitted face");
    return report;
  }

  /** The blendshapes over time and the face at the most expressive moment of each quarter. */
  private static void addFace(HtmlReport report, BlendshapeTrack shapes, FaceRig rig, String heading) {
    report.heading("Blendshapes").chart("The most active ARKit blendshapes", Charts.blendshapes(shapes, List.of(),
        8));
    report.heading(heading);
    RigGallery gallery = new RigGallery(rig);
    for (int f : showcaseFrames(shapes)) {
      Map<String, Double> expression = new LinkedHashMap<>();
      for (int k = 0; k < shapes.names().size(); k++) {
        expression.put(shapes.names().get(k), shapes.weights()[f][k]);
      }
      String time = String.format(Locale.ROOT, "t = %.1f s", shapes.timesSeconds()[f]);
      report.image(time, png(gallery.render(expression, time)));
    }
  }

  private org.knowm.xchart.XYChart closureChart() {
    double[] times = tracked.times();
    List<Charts.Series> series = new ArrayList<>();
    for (Eye eye : Eye.values()) {
      double[] p = Arrays.stream(tracked.eyes()).mapToDouble(s -> s[eye.ordinal()].closure()).toArray();
      series.add(new Charts.Series("closure, " + eye.name().toLowerCase(Locale.ROOT) + " eye", times, p));
    }
    BlendshapeTrack shapes = tracked.blendshapes();
    if (shapes != null) {
      double[][] apertures = new ReconstructionScores(rig).relativeApertures(FaceScores.inRigOrder(rig, shapes),
          tracked.identity());
      series.add(new Charts.Series("3D face: 1 - aperture / neutral (mean of both eyes)", shapes.timesSeconds(),
          Arrays.stream(apertures).mapToDouble(a -> 1 - (a[0] + a[1]) / 2).toArray()));
    }
    return Charts.timeSeries("Eye closure", "closure", series);
  }

  /** Frames worth showing: the most expressive one in each quarter of the recording. */
  private static int[] showcaseFrames(BlendshapeTrack shapes) {
    int n = shapes.frameCount();
    int[] out = new int[Math.min(4, n)];
    for (int q = 0; q < out.length; q++) {
      int best = q * n / out.length;
      double bestSum = -1;
      for (int f = q * n / out.length; f < (q + 1) * n / out.length; f++) {
        double sum = Arrays.stream(shapes.weights()[f]).sum();
        if (sum > bestSum) {
          bestSum = sum;
          best = f;
        }
      }
      out[q] = best;
    }
    return out;
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

  private static Map<String, Integer> keyPoints() {
    Map<String, Integer> points = new LinkedHashMap<>();
    points.put("mouth corner 48", 48);
    points.put("mouth corner 54", 54);
    points.put("upper lip 51", 51);
    points.put("lower lip 57", 57);
    points.put("upper eyelid 37", 37);
    return points;
  }
}
