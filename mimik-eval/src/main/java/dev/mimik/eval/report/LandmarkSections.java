package dev.mimik.eval.report;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.eval.landmarks.LandmarkEvaluator;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.landmarks.MetricsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** The standard report sections of a landmark evaluation, shared by {@code mimik eval}, {@code track} and {@code demo}. */
public final class LandmarkSections {

  private LandmarkSections() {}

  /** Summary table, CDF of per-frame NME, CDF of point errors in mm, per-landmark errors and NME over time. */
  public static HtmlReport addEvaluation(HtmlReport report, String name, LandmarkMetrics m) {
    report.heading("Landmark accuracy: " + name)
        .table(List.of("metric", "value"), List.of(
            List.of("nme_percent", fmt(m.nmePercent())),
            List.of("nme_std_percent", fmt(m.nmeStdPercent())),
            List.of("mae_mm", fmt(m.maeMm())),
            List.of("mae_std_mm", fmt(m.maeStdMm())),
            List.of("pupil_nme_percent (the pupils alone)", Double.isNaN(m.pupilNmePercent()) ? "no pupils"
                : fmt(m.pupilNmePercent())),
            List.of("frames evaluated", m.frames()),
            List.of("frames skipped (no face)", m.framesMissing()),
            List.of("frames without a prediction within half a frame", m.framesUnmatched()),
            List.of("points missing in the prediction", m.pointsMissing()),
            List.of("landmarks evaluated", m.perLandmark().size()),
            List.of("landmarks excluded (iBUG)", ranges(m.excludedLandmarks())),
            List.of("outer-eye-corner distance taken as (mm)", fmt(m.eyeCornersMm()))));
    if (m.frames() == 0) {
      return report.paragraph("No frame could be compared.");
    }
    return report
        .chart("Cumulative distribution of the per-frame NME",
            Charts.errorCdf("CDF of per-frame NME", "NME (%)", Map.of(name, m.frameNmeCdf())))
        .chart("Cumulative distribution of the point errors in millimetres (as BioFace-3D's Figure 4b)",
            Charts.errorCdf("CDF of point errors", "error (mm)", Map.of(name, m.pointErrorMmCdf())))
        .chart("Mean NME of each landmark", Charts.perLandmark(m))
        .chart("Per-frame NME over time", Charts.timeSeries("NME over time", "NME (%)",
            List.of(new Charts.Series(name, m.frameTimes(), m.frameNmePercent()))));
  }

  /** The per-participant table and bars (BioFace-3D's Figure 4a) and the dataset row. */
  /**
   * The lips and one eyelid, which move most with expressions, over time: the vertical position of the upper lip
   * (51), lower lip (57) and an upper eyelid (37), truth against prediction.
   */
  public static HtmlReport addOverTime(HtmlReport report, LandmarkTrack predicted, LandmarkTrack expected) {
    List<Charts.Series> series = new ArrayList<>();
    for (int ibug : new int[] {51, 57, 37}) {
      int t = LandmarkEvaluator.positionIn(expected.pointCount(), ibug);
      int p = LandmarkEvaluator.positionIn(predicted.pointCount(), ibug);
      if (t >= 0 && p >= 0) {
        series.add(new Charts.Series("truth " + ibug, expected.timesSeconds(), y(expected, t)));
        series.add(new Charts.Series("predicted " + ibug, predicted.timesSeconds(), y(predicted, p)));
      }
    }
    return report.heading("Landmarks over time")
        .chart("Vertical position of the upper lip (51), lower lip (57) and an upper eyelid (37)",
            Charts.timeSeries("Landmarks over time", "y (px)", series));
  }

  private static double[] y(LandmarkTrack track, int point) {
    return IntStream.range(0, track.frameCount())
        .mapToDouble(f -> track.missing()[f] ? Double.NaN : track.y(f, point)).toArray();
  }

  public static HtmlReport addTable(HtmlReport report, MetricsTable table) {
    List<List<?>> rows = new ArrayList<>();
    for (MetricsTable.Summary s : table.perParticipant()) {
      rows.add(row(s));
    }
    if (!table.recordings().isEmpty()) {
      rows.add(row(table.dataset()));
    }
    return report.heading("Per participant")
        .table(List.of("participant", "recordings", "frames", "NME (%)", "NME std (%)", "MAE (mm)", "MAE std (mm)"),
            rows)
        .chart("NME and MAE per participant, with standard deviations", Charts.perParticipant(table));
  }

  private static List<?> row(MetricsTable.Summary s) {
    return List.of(s.name(), s.recordings(), s.frames(), fmt(s.nmePercent()), fmt(s.nmeStdPercent()),
        fmt(s.maeMm()), fmt(s.maeStdMm()));
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** Indices as ranges: [0, 1, 2, 5] -> "0-2, 5"; empty -> "none". */
  public static String ranges(List<Integer> indices) {
    if (indices.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    int start = indices.get(0);
    int prev = start;
    for (int i = 1; i <= indices.size(); i++) {
      if (i < indices.size() && indices.get(i) == prev + 1) {
        prev = indices.get(i);
        continue;
      }
      sb.append(sb.length() > 0 ? ", " : "").append(start == prev ? "" + start : start + "-" + prev);
      if (i < indices.size()) {
        start = indices.get(i);
        prev = start;
      }
    }
    return sb.toString();
  }
}
