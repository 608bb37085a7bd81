package dev.mimik.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.eval.eyes.MeshError;
import dev.mimik.eval.eyes.ReconstructionScores;
import dev.mimik.eval.landmarks.LandmarkEvaluator;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.face.fit.LocalDistances;
import dev.mimik.face.rig.FaceRig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 7's ablation through the biosignal path, as the paper's Tables 1 and 2: one tracked session's landmarks
 * fitted without and with the eyelid landmark adjustment (ELAM) and the local dynamic loss (LDL), each 3D face
 * scored against the simulator's true one: eye state, blinks reproduced and their onset, mouth closure, and the
 * NoW-style mesh error of the eye and mouth regions.
 */
final class FaceFitAblation {

  /** The configurations, in the paper's order with LDL on the eyes alone added; the last is mimik's default. */
  static final List<TrackRun.FaceFit> CONFIGURATIONS = List.of(
      TrackRun.FaceFit.PLAIN,
      new TrackRun.FaceFit("LDL (mouth)", false, new LocalDistances(0, 1)),
      new TrackRun.FaceFit("LDL (eye, mouth)", false, new LocalDistances(1, 1)),
      new TrackRun.FaceFit("ELAM", true, LocalDistances.off()),
      new TrackRun.FaceFit("ELAM + LDL (eye)", true, new LocalDistances(1, 0)),
      TrackRun.FaceFit.EYES);

  /** Every this many frames the mesh error is taken (it searches the whole true surface per vertex). */
  static final int MESH_EVERY = 5;
  /** A reproduced blink counts as on time when its onset is at most this many frames from the true onset. */
  static final double ON_TIME_FRAMES = 2;

  private FaceFitAblation() {}

  /**
   * The blinks of the true face and how the reconstruction reproduced them.
   *
   * @param count true blinks during which the true face closes its eyes at some frame
   * @param reproduced blinks the 3D face closed its eyes for
   * @param medianOnsetErrorFrames median absolute onset error of the reproduced ones, frames (NaN if none)
   * @param onTime fraction of all true blinks reproduced within {@link #ON_TIME_FRAMES} of their onset
   */
  record BlinkScores(int count, int reproduced, double medianOnsetErrorFrames, double onTime) {

    static BlinkScores of(double[] onsetErrorsFrames) {
      double[] found = Arrays.stream(onsetErrorsFrames).filter(Double::isFinite).map(Math::abs).sorted().toArray();
      long onTime = Arrays.stream(found).filter(e -> e <= ON_TIME_FRAMES).count();
      int n = onsetErrorsFrames.length;
      return new BlinkScores(n, found.length, found.length == 0 ? Double.NaN : found[found.length / 2],
          n == 0 ? Double.NaN : onTime / (double) n);
    }
  }

  /**
   * One configuration's scores.
   *
   * @param face the reconstruction (fitted expression on the fitted identity) against the true face
   * @param expression the fitted expression put on the true identity against the true face, so that the mesh error
   *     measures the expression alone (ELAM and LDL change only that); null when the truth has no identity
   * @param blinks null when the truth has no blink list
   */
  record Row(ReconstructionScores.Row face, ReconstructionScores.Row expression, BlinkScores blinks) {}

  /** Fits the run's tracked landmarks every way in {@link #CONFIGURATIONS} and scores each. */
  static List<Row> run(TrackRun run, SessionTruth truth, Progress progress) {
    List<Row> rows = new ArrayList<>();
    for (TrackRun.FaceFit how : CONFIGURATIONS) {
      TrackRun.Fitted fitted = TrackRun.fit(run.model(), run.tracked(), run.eyes(), run.rig(), how);
      rows.add(score(run.rig(), how.name(), fitted, truth, run.model().frontEnd().fps()));
      progress.update(rows.size() / (double) CONFIGURATIONS.size());
    }
    return rows;
  }

  /**
   * Scores one fitted face against the truth, each true frame against the nearest fitted frame in time.
   *
   * @param fps the fitted track's frame rate (onset errors are in its frames)
   */
  static Row score(FaceRig rig, String name, TrackRun.Fitted fitted, SessionTruth truth, double fps) {
    BlendshapeTrack tracked = fitted.weights();
    BlendshapeTrack trueShapes = truth.blendshapes();
    double[] trueIdentity = truth.identity() != null ? truth.identity() : new double[0];
    double[][] fit = inRigOrder(rig, tracked);
    double[][] real = inRigOrder(rig, trueShapes);
    double[][] matched = new double[real.length][];
    for (int f = 0; f < real.length; f++) {
      matched[f] = fit[LandmarkEvaluator.nearest(tracked.timesSeconds(), trueShapes.timesSeconds()[f])];
    }
    ReconstructionScores scores = new ReconstructionScores(rig);
    ReconstructionScores.Row face = scores.score(name, real, trueIdentity, matched, fitted.identity(), MESH_EVERY);
    ReconstructionScores.Row expression = truth.identity() == null ? null
        : scores.score(name, real, trueIdentity, matched, trueIdentity, MESH_EVERY);
    BlinkScores blinks = truth.blinks() == null ? null : BlinkScores.of(EyeTracking.onsetErrorsFrames(
        tracked.timesSeconds(), scores.relativeApertures(fit, fitted.identity()),
        closedInTruth(scores, trueShapes.timesSeconds(), real, trueIdentity, truth.blinks(), fps), fps));
    return new Row(face, expression, blinks);
  }

  /**
   * The true blinks during which the true face, at its own frames, closes its eyes: a blink shorter than a few
   * frames may fall between them, and then no reconstruction at those frames could show it closed either.
   */
  static double[][] closedInTruth(ReconstructionScores scores, double[] times, double[][] weights, double[] identity,
      double[][] blinks, double fps) {
    double[] own = EyeTracking.onsetErrorsFrames(times, scores.relativeApertures(weights, identity), blinks, fps);
    return java.util.stream.IntStream.range(0, blinks.length).filter(b -> Double.isFinite(own[b]))
        .mapToObj(b -> blinks[b]).toArray(double[][]::new);
  }

  /** A track's weights as {@code [frame][shape]} in the rig's shape order (0 for shapes the track lacks). */
  static double[][] inRigOrder(FaceRig rig, BlendshapeTrack track) {
    double[][] out = new double[track.frameCount()][rig.shapeCount()];
    for (int k = 0; k < rig.shapeCount(); k++) {
      int column = track.names().indexOf(rig.shapeNames().get(k));
      for (int f = 0; column >= 0 && f < out.length; f++) {
        out[f][k] = track.weights()[f][column];
      }
    }
    return out;
  }

  /** The scores as metrics.json fields. */
  static void put(ObjectNode json, Row row) {
    ReconstructionScores.Row r = row.face();
    json.put("eye_state_accuracy", r.eyes().accuracy());
    json.put("eye_state_f1", r.eyes().f1());
    json.put("eye_state_frames", r.eyes().frames());
    json.put("mouth_closure_accuracy", r.mouth().accuracy());
    mesh(json, "eye_region_mesh_error", r.eyeRegion());
    mesh(json, "mouth_region_mesh_error", r.mouthRegion());
    if (row.expression() != null) {
      mesh(json, "eye_region_expression_error", row.expression().eyeRegion());
      mesh(json, "mouth_region_expression_error", row.expression().mouthRegion());
    }
    if (row.blinks() != null) {
      json.put("blinks", row.blinks().count());
      json.put("blinks_reproduced", row.blinks().reproduced());
      json.put("blink_onset_error_frames_median", row.blinks().medianOnsetErrorFrames());
      json.put("blinks_within_2_frames", row.blinks().onTime());
    }
  }

  private static void mesh(ObjectNode json, String prefix, MeshError e) {
    json.put(prefix + "_median_mm", e.medianMm());
    json.put(prefix + "_mean_mm", e.meanMm());
    json.put(prefix + "_std_mm", e.stdMm());
  }

  /** The ablation as a metrics.json array, one object per configuration. */
  static ArrayNode json(ArrayNode array, List<Row> rows) {
    for (Row row : rows) {
      ObjectNode o = array.addObject();
      o.put("configuration", row.face().name());
      put(o, row);
    }
    return array;
  }

  /** The ablation as a report table. */
  static void addTo(HtmlReport report, List<Row> rows) {
    List<List<?>> table = new ArrayList<>();
    for (Row row : rows) {
      ReconstructionScores.Row r = row.face();
      BlinkScores b = row.blinks();
      ReconstructionScores.Row x = row.expression();
      table.add(List.of(r.name(), pct(r.eyes().accuracy()), pct(r.eyes().f1()),
          b == null ? "" : b.reproduced() + " / " + b.count(), b == null ? "" : pct(b.onTime()),
          pct(r.mouth().accuracy()), mm(r.eyeRegion()), mm(r.mouthRegion()), x == null ? "" : mm(x.eyeRegion()),
          x == null ? "" : mm(x.mouthRegion())));
    }
    report.table(List.of("fit", "eye state accuracy", "eye state F1", "blinks reproduced",
        "blinks within 2 frames", "mouth closure accuracy", "eye region mm", "mouth region mm",
        "eye region mm, expression alone", "mouth region mm, expression alone"), table);
    report.paragraph("Mesh errors are median / mean / std in millimetres. 'Expression alone' puts the fitted"
        + " expression on the true identity, so it leaves out the identity estimate (the same in every row).");
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String mm(MeshError e) {
    return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", e.medianMm(), e.meanMm(), e.stdMm());
  }
}
