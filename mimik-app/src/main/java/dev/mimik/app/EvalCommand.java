package dev.mimik.app;

import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.landmarks.MetricsJson;
import dev.mimik.eval.report.LandmarkSections;
import dev.mimik.lab.evaluation.EvalJob;
import dev.mimik.lab.face.FaceScores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
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
    EvalJob job = EvalJob.run(pred, truth, blendshapes, eyeCornersMm, landmarks);
    PrintWriter stdout = spec.commandLine().getOut();
    if (out != null) {
      job.write(out);
    }
    if (json) {
      stdout.print(MetricsJson.toText(job.json()));
    } else {
      stdout.print(summary(job.metrics()));
      if (job.face() != null) {
        stdout.println("3D face: " + FaceScores.summary(job.face()));
      }
      if (out != null) {
        stdout.println("wrote " + out.resolve("metrics.json") + " and " + out.resolve("report.html"));
      }
    }
    stdout.flush();
    return 0;
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

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
