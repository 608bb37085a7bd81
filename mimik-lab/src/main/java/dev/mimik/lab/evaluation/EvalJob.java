package dev.mimik.lab.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkFormats;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.eval.landmarks.LandmarkEvaluator;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.landmarks.MetricsJson;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.eval.report.LandmarkSections;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.lab.face.FaceScores;
import dev.mimik.sim.session.GroundTruth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One {@code mimik eval} run: predicted landmarks against the truth ({@code nme_percent}, {@code mae_mm},
 * per-landmark errors) and, with predicted blendshapes and a simulator truth, the 3D face's scores, as
 * {@code metrics.json} and {@code report.html}. {@code mimik eval} and {@code mimik batch eval} both run it.
 *
 * @param metrics the landmark metrics
 * @param face the 3D face's scores, or null without blendshapes
 * @param json metrics.json
 */
public record EvalJob(LandmarkMetrics metrics, FaceScores.Row face, ObjectNode json, Path pred, Path truth,
    LandmarkTrack predicted, LandmarkTrack expected) {

  /**
   * Evaluates, refusing bad options and files with a {@link BadInputException} naming them.
   *
   * @param landmarks evaluate only this landmark set (51, 53 or 68), or null for all
   * @param blendshapes the predicted blendshapes, or null
   */
  public static EvalJob run(Path pred, Path truth, Path blendshapes, double eyeCornersMm, Integer landmarks)
      throws IOException {
    if (!(eyeCornersMm > 0 && Double.isFinite(eyeCornersMm))) {
      throw new BadInputException("--eye-corners-mm must be a positive number of millimetres, not " + eyeCornersMm);
    }
    Optional<LandmarkSet> set;
    try {
      set = Optional.ofNullable(landmarks).map(LandmarkSet::ofSize);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--landmarks: " + e.getMessage());
    }
    LandmarkTrack predicted = read(pred);
    LandmarkTrack expected = read(truth);
    LandmarkMetrics metrics;
    try {
      metrics = new LandmarkEvaluator(eyeCornersMm, set).evaluate(predicted, expected);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(truth, e.getMessage()); // the only remaining cause: no outer eye corners
    }
    if (metrics.frames() == 0) {
      throw noFrames(pred, truth, predicted, expected);
    }
    ObjectNode json = MetricsJson.of(metrics);
    json.put("predicted", pred.toString());
    json.put("truth", truth.toString());
    FaceScores.Row face = blendshapes == null ? null : faceScores(truth, blendshapes);
    if (face != null) {
      FaceScores.put(json, face);
    }
    return new EvalJob(metrics, face, json, pred, truth, predicted, expected);
  }

  /** The report: the errors, the landmarks over time, and the 3D face's scores when there are. */
  public HtmlReport report() {
    HtmlReport report = new HtmlReport("mimik eval: " + pred.getFileName());
    report.paragraph("Predicted landmarks " + pred + " against the ground truth " + truth + ".");
    LandmarkSections.addEvaluation(report, pred.getFileName().toString(), metrics);
    LandmarkSections.addOverTime(report, predicted, expected);
    if (face != null) {
      FaceScores.addTo(report.heading("The 3D face against the truth"), List.of(face));
    }
    return report;
  }

  /** Writes metrics.json and report.html into {@code out}, rendering everything before writing anything. */
  public void write(Path out) throws IOException {
    String html = report().toHtml();
    AtomicFiles.writeString(out.resolve("metrics.json"), MetricsJson.toText(json));
    AtomicFiles.writeString(out.resolve("report.html"), html);
  }

  /** The 3D face of the predicted blendshapes, on the embedded rig with the true identity, against the truth. */
  private static FaceScores.Row faceScores(Path truth, Path blendshapes) throws IOException {
    GroundTruth t = GroundTruth.read(truth);
    if (t.blendshapes() == null) {
      throw new BadInputException(truth, "--blendshapes needs the true blendshapes.csv beside the truth landmarks");
    }
    BlendshapeTrack predicted = BlendshapeCsv.read(blendshapes);
    if (predicted.frameCount() < 2) {
      throw new BadInputException(blendshapes, "has fewer than two frames");
    }
    double[] times = predicted.timesSeconds();
    double fps = (times.length - 1) / (times[times.length - 1] - times[0]);
    FaceRig rig = EmbeddedRig.load();
    double[] identity = t.identity() != null && t.madeBy(rig.name()) ? t.identity() : new double[0];
    return FaceScores.score(rig, blendshapes.getFileName().toString(), predicted, identity, t, fps);
  }

  private static LandmarkTrack read(Path file) throws IOException {
    LandmarkTrack track = LandmarkFormats.standard().read(file);
    try {
      LandmarkEvaluator.ibugLayout(track.pointCount());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file, e.getMessage());
    }
    return track;
  }

  /** Why no frame could be compared, blaming the file at fault. */
  private static BadInputException noFrames(Path pred, Path truth, LandmarkTrack predicted, LandmarkTrack expected) {
    if (predicted.frameCount() == predicted.missingCount()) {
      return new BadInputException(pred, "no frame has a face");
    }
    if (expected.frameCount() == expected.missingCount()) {
      return new BadInputException(truth, "no frame has a face");
    }
    int pa = LandmarkEvaluator.positionIn(expected.pointCount(), LandmarkSet.OUTER_EYE_CORNER_A);
    int pb = LandmarkEvaluator.positionIn(expected.pointCount(), LandmarkSet.OUTER_EYE_CORNER_B);
    boolean corners = IntStream.range(0, expected.frameCount()).anyMatch(f -> !expected.missing()[f]
        && Double.isFinite(expected.x(f, pa) + expected.y(f, pa) + expected.x(f, pb) + expected.y(f, pb)));
    if (!corners) {
      return new BadInputException(truth, "no frame has both outer eye corners (iBUG 36 and 45)");
    }
    return new BadInputException(pred, String.format(Locale.ROOT,
        "no frame with a face lies within half a frame of a ground-truth frame with a face"
            + " (predictions span %.3f-%.3f s, the ground truth %.3f-%.3f s)",
        predicted.timesSeconds()[0], predicted.timesSeconds()[predicted.frameCount() - 1],
        expected.timesSeconds()[0], expected.timesSeconds()[expected.frameCount() - 1]));
  }
}
