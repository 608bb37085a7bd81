package dev.mimik.lab.face;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.eval.eyes.BlinkOnsets;
import dev.mimik.eval.eyes.MeshError;
import dev.mimik.eval.eyes.ReconstructionScores;
import dev.mimik.eval.landmarks.LandmarkEvaluator;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.sim.session.GroundTruth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A reconstructed 3D face scored against the simulator's true one, as in Tables 1 and 2 of "Eye Motion Matters":
 * eye state, blinks reproduced and their onset, mouth closure, and the NoW-style mesh error of the eye and mouth
 * regions; as metrics.json fields and as a report table.
 */
public final class FaceScores {

  /** Every this many frames the mesh error is taken (it searches the whole true surface per vertex). */
  public static final int MESH_EVERY = 5;
  /** A reproduced blink counts as on time when its onset is at most this many frames from the true onset. */
  public static final double ON_TIME_FRAMES = 2;

  private FaceScores() {}

  /**
   * The blinks of the true face and how the reconstruction reproduced them.
   *
   * @param count true blinks during which the true face closes its eyes at some frame
   * @param reproduced blinks the 3D face closed its eyes for
   * @param medianOnsetErrorFrames median absolute onset error of the reproduced ones, frames (NaN if none)
   * @param onTime fraction of all true blinks reproduced within {@link #ON_TIME_FRAMES} of their onset
   */
  public record BlinkScores(int count, int reproduced, double medianOnsetErrorFrames, double onTime) {

    static BlinkScores of(double[] onsetErrorsFrames) {
      double[] found = Arrays.stream(onsetErrorsFrames).filter(Double::isFinite).map(Math::abs).sorted().toArray();
      long onTime = Arrays.stream(found).filter(e -> e <= ON_TIME_FRAMES).count();
      int n = onsetErrorsFrames.length;
      return new BlinkScores(n, found.length, found.length == 0 ? Double.NaN : found[found.length / 2],
          n == 0 ? Double.NaN : onTime / (double) n);
    }
  }

  /**
   * One reconstruction's scores.
   *
   * @param face the reconstruction (fitted expression on the fitted identity) against the true face
   * @param expression the fitted expression put on the true identity against the true face, so that the mesh error
   *     measures the expression alone; null when the truth has no identity
   * @param blinks null when the truth has no blink list
   */
  public record Row(ReconstructionScores.Row face, ReconstructionScores.Row expression, BlinkScores blinks) {}

  /**
   * Scores fitted weights against the truth, each true frame against the nearest fitted frame in time.
   *
   * @param name the row's label
   * @param weights the fitted blendshapes
   * @param identity the identity they were fitted with (the rig's coefficients; empty for none)
   * @param fps the fitted track's frame rate (onset errors are in its frames)
   */
  public static Row score(FaceRig rig, String name, BlendshapeTrack weights, double[] identity, GroundTruth truth,
      double fps) {
    BlendshapeTrack trueShapes = truth.blendshapes();
    // a truth made by another face model has another rig's identity: the true face is then this rig with the true
    // weights on the fitted identity, so that the mesh error measures the weights alone
    boolean ownFace = truth.madeBy(rig.name());
    double[] trueIdentity = !ownFace ? (identity == null ? new double[0] : identity)
        : truth.identity() != null ? truth.identity() : new double[0];
    double[][] fit = inRigOrder(rig, weights);
    double[][] real = inRigOrder(rig, trueShapes);
    double[][] matched = new double[real.length][];
    for (int f = 0; f < real.length; f++) {
      matched[f] = fit[LandmarkEvaluator.nearest(weights.timesSeconds(), trueShapes.timesSeconds()[f])];
    }
    ReconstructionScores scores = new ReconstructionScores(rig);
    ReconstructionScores.Row face = scores.score(name, real, trueIdentity, matched, identity, MESH_EVERY);
    ReconstructionScores.Row expression = truth.identity() == null || !ownFace ? null
        : scores.score(name, real, trueIdentity, matched, trueIdentity, MESH_EVERY);
    BlinkScores blinks = truth.blinks() == null ? null : BlinkScores.of(BlinkOnsets.errorsFrames(
        weights.timesSeconds(), scores.relativeApertures(fit, identity),
        closedInTruth(scores, trueShapes.timesSeconds(), real, trueIdentity, truth.blinks(), fps), fps));
    return new Row(face, expression, blinks);
  }

  /**
   * The true blinks during which the true face, at its own frames, closes its eyes: a blink shorter than a few
   * frames may fall between them, and then no reconstruction at those frames could show it closed either.
   */
  static double[][] closedInTruth(ReconstructionScores scores, double[] times, double[][] weights, double[] identity,
      double[][] blinks, double fps) {
    double[] own = BlinkOnsets.errorsFrames(times, scores.relativeApertures(weights, identity), blinks, fps);
    return java.util.stream.IntStream.range(0, blinks.length).filter(b -> Double.isFinite(own[b]))
        .mapToObj(b -> blinks[b]).toArray(double[][]::new);
  }

  /** A track's weights as {@code [frame][shape]} in the rig's shape order (0 for shapes the track lacks). */
  public static double[][] inRigOrder(FaceRig rig, BlendshapeTrack track) {
    return track.reordered(rig.shapeNames()).weights();
  }

  /** The scores as metrics.json fields. */
  public static void put(ObjectNode json, Row row) {
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

  /** Several rows as a metrics.json array, one object per row with its name as "configuration". */
  public static ArrayNode json(ArrayNode array, List<Row> rows) {
    for (Row row : rows) {
      ObjectNode o = array.addObject();
      o.put("configuration", row.face().name());
      put(o, row);
    }
    return array;
  }

  /** The rows as a report table. */
  public static void addTo(HtmlReport report, List<Row> rows) {
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

  /** One line of the row's headline figures. */
  public static String summary(Row row) {
    ReconstructionScores.Row r = row.face();
    return String.format(Locale.ROOT, "eye state accuracy %.1f%%, F1 %.1f%%; mouth closure accuracy %.1f%%; mesh"
        + " error eye region %.2f mm, mouth region %.2f mm (median)%s", 100 * r.eyes().accuracy(),
        100 * r.eyes().f1(), 100 * r.mouth().accuracy(), r.eyeRegion().medianMm(), r.mouthRegion().medianMm(),
        row.blinks() == null ? "" : String.format(Locale.ROOT, "; %d of %d blinks reproduced, %.0f%% within 2 frames",
            row.blinks().reproduced(), row.blinks().count(), 100 * row.blinks().onTime()));
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String mm(MeshError e) {
    return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", e.medianMm(), e.meanMm(), e.stdMm());
  }
}
