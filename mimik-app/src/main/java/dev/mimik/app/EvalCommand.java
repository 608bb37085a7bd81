package dev.mimik.app;

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
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.lab.face.FaceScores;
import dev.mimik.sim.session.GroundTruth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mimik eval}: how far predicted landmarks are from the ground truth ({@code nme_percent}, {@code mae_mm},
 * per-landmark errors), printed as a summary or as {@code metrics.json}, and optionally written with a
 * {@code report.html}.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Compare predicted landmarks with the ground truth: nme_percent, mae_mm, per-landmark errors;"
        + " with --blendshapes, also the 3D face's eye state, blinks, mouth closure and mesh error.")
public final class EvalCommand implements Callable<Integer> {

  @Option(names = "--pred", required = true, paramLabel = "PRED.csv", description = "predicted landmarks")
  Path pred;

  @Option(names = "--truth", required = true, paramLabel = "TRUTH", description = "ground-truth landmarks")
  Path truth;

  @Option(names = "--json", description = "print metrics.json to stdout instead of a summary")
  boolean json;

  @Option(names = "--eye-corners-mm", defaultValue = "90", paramLabel = "MM",
      description = "the ground truth's outer-eye-corner distance in millimetres, for mae_mm (default: ${DEFAULT-VALUE})")
  double eyeCornersMm;

  @Option(names = "--landmarks", paramLabel = "51|53|68", description = "evaluate only this landmark set")
  Integer landmarks;

  @Option(names = "--blendshapes", paramLabel = "PRED_BLENDSHAPES.csv",
      description = "the predicted ARKit blendshapes too (from 'mimik track'): with a simulator truth/landmarks.csv"
          + " as --truth, scores the 3D face (eye state, blinks, mouth closure, eye- and mouth-region mesh error on"
          + " the true identity) against blendshapes.csv, blinks.csv and participant.csv beside it")
  Path blendshapes;

  @Option(names = "--out", paramLabel = "DIR", description = "write metrics.json and report.html here")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
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
      throw noFrames(predicted, expected);
    }

    ObjectNode metricsJson = MetricsJson.of(metrics);
    metricsJson.put("predicted", pred.toString());
    metricsJson.put("truth", truth.toString());
    FaceScores.Row face = blendshapes == null ? null : faceScores();
    if (face != null) {
      FaceScores.put(metricsJson, face);
    }
    String jsonText = MetricsJson.toText(metricsJson);
    PrintWriter stdout = spec.commandLine().getOut();
    if (out != null) {
      // render everything before writing anything
      HtmlReport report = report(metrics, predicted, expected);
      if (face != null) {
        FaceScores.addTo(report.heading("The 3D face against the truth"), List.of(face));
      }
      String html = report.toHtml();
      AtomicFiles.writeString(out.resolve("metrics.json"), jsonText);
      AtomicFiles.writeString(out.resolve("report.html"), html);
    }
    if (json) {
      stdout.print(jsonText);
    } else {
      stdout.print(summary(metrics));
      if (face != null) {
        stdout.println("3D face: " + FaceScores.summary(face));
      }
      if (out != null) {
        stdout.println("wrote " + out.resolve("metrics.json") + " and " + out.resolve("report.html"));
      }
    }
    stdout.flush();
    return 0;
  }

  /** The 3D face of the predicted blendshapes, on the embedded rig with the true identity, against the truth. */
  private FaceScores.Row faceScores() throws java.io.IOException {
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
    double[] identity = t.identity() != null ? t.identity() : new double[0];
    return FaceScores.score(EmbeddedRig.load(), blendshapes.getFileName().toString(), predicted, identity, t, fps);
  }

  private LandmarkTrack read(Path file) throws java.io.IOException {
    LandmarkTrack track = LandmarkFormats.standard().read(file);
    try {
      LandmarkEvaluator.ibugLayout(track.pointCount());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file, e.getMessage());
    }
    return track;
  }

  /** Why no frame could be compared, blaming the file at fault. */
  private BadInputException noFrames(LandmarkTrack predicted, LandmarkTrack expected) {
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
        first(predicted), last(predicted), first(expected), last(expected)));
  }

  private static double first(LandmarkTrack t) {
    return t.timesSeconds()[0];
  }

  private static double last(LandmarkTrack t) {
    return t.timesSeconds()[t.frameCount() - 1];
  }

  private String summary(LandmarkMetrics m) {
    String excluded = m.excludedLandmarks().isEmpty() ? "" : "; excluded (iBUG): " + LandmarkSections.ranges(m.excludedLandmarks());
    return String.format(Locale.ROOT, """
        nme_percent  %.3f  (std %.3f)
        mae_mm       %.3f  (std %.3f, eye corners taken as %s mm)
        frames       %d  (%d without a face, %d without a prediction within half a frame)
        landmarks    %d evaluated%s
        """, m.nmePercent(), m.nmeStdPercent(), m.maeMm(), m.maeStdMm(), trim(m.eyeCornersMm()), m.frames(),
        m.framesMissing(), m.framesUnmatched(), m.perLandmark().size(), excluded)
        + (Double.isNaN(m.pupilNmePercent()) ? "" : String.format(Locale.ROOT, "pupil_nme_percent  %.3f%n",
            m.pupilNmePercent()))
        + (m.pointsMissing() > 0 ? "points missing in the prediction: " + m.pointsMissing() + "\n" : "");
  }

  private HtmlReport report(LandmarkMetrics m, LandmarkTrack predicted, LandmarkTrack expected) {
    HtmlReport report = new HtmlReport("mimik eval: " + pred.getFileName());
    report.paragraph("Predicted landmarks " + pred + " against the ground truth " + truth + ".");
    LandmarkSections.addEvaluation(report, pred.getFileName().toString(), m);
    LandmarkSections.addOverTime(report, predicted, expected);
    return report;
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
