package dev.mimik.eval.report;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.eval.refa.RefaMetric;
import dev.mimik.eval.refa.RefaTable;
import dev.mimik.eval.refa.SourceResult;
import dev.mimik.eval.refa.TruthErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** The report sections of a REFA-metric evaluation ({@code mimik ego eval}). */
public final class RefaSections {

  /** REFA's Table 1, for reference beside mimik's rows. */
  private static final Map<String, double[]> PUBLISHED = published();

  private RefaSections() {}

  private static Map<String, double[]> published() {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("REFA: Pseudo GT", new double[] {0.392, 0.912, 0.940, 0.916, 0.703});
    m.put("REFA: Init. Model", new double[] {0.403, 0.902, 0.832, 0.944, 0.856});
    m.put("REFA: Final Model", new double[] {0.700, 0.774, 0.868, 0.936, 0.905});
    return m;
  }

  /** Table 1 of REFA for each source at the dataset level, with the published rows below. */
  public static HtmlReport addTable1(HtmlReport report, List<SourceResult> results) {
    List<String> header = new ArrayList<>(List.of("source"));
    Arrays.stream(RefaMetric.values()).forEach(m -> header.add(m.title()));
    header.add("recordings");
    List<List<?>> rows = new ArrayList<>();
    Map<String, double[]> bars = new LinkedHashMap<>();
    for (SourceResult r : results) {
      RefaTable.Row d = r.table().dataset();
      List<Object> row = new ArrayList<>(List.of(r.source()));
      double[] v = new double[RefaMetric.values().length];
      for (RefaMetric m : RefaMetric.values()) {
        row.add(fmt(d.scores().get(m)));
        v[m.ordinal()] = d.scores().get(m);
      }
      row.add(d.recordings());
      rows.add(row);
      bars.put(r.source(), v);
    }
    PUBLISHED.forEach((name, v) -> {
      List<Object> row = new ArrayList<>(List.of(name));
      Arrays.stream(v).forEach(x -> row.add(fmt(x)));
      row.add("");
      rows.add(row);
    });
    return report.heading("REFA's quantitative metrics (Table 1)")
        .paragraph("Each metric is in [0, 1], higher is better, computed per recording from its protocol segments "
            + "and the art priors alone (no ground truth), averaged over each subject's recordings, then over "
            + "subjects. Formulas: docs/refa-metrics.md. The last rows are REFA's published figures, on their own "
            + "data and definitions, for orientation only.")
        .table(header, rows)
        .chart("The five metrics per source (dataset level)", Charts.bars("REFA metrics", "metric", "score",
            Arrays.stream(RefaMetric.values()).map(RefaMetric::title).toList(), bars));
  }

  /** Per-subject rows and the worst recordings and subjects of one source. */
  public static HtmlReport addLevels(HtmlReport report, SourceResult r, int worst) {
    List<String> header = new ArrayList<>(List.of("subject", "recordings"));
    Arrays.stream(RefaMetric.values()).forEach(m -> header.add(m.key()));
    header.add("mean");
    List<List<?>> rows = new ArrayList<>();
    for (RefaTable.Row row : r.table().perSubject()) {
      rows.add(row(row));
    }
    rows.add(row(r.table().dataset()));
    List<List<?>> worstRows = new ArrayList<>();
    r.table().worstRecordings(worst).forEach(row -> worstRows.add(List.of("recording", row.name(),
        fmt(row.scores().overall()))));
    r.table().worstSubjects(worst).forEach(row -> worstRows.add(List.of("subject", row.name(),
        fmt(row.scores().overall()))));
    return report.heading("Per subject: " + r.source())
        .table(header, rows)
        .paragraph("Worst recordings and subjects of " + r.source() + " by the mean of their metrics:")
        .table(List.of("level", "name", "mean"), worstRows);
  }

  /** Errors against the exact truth of every source that has them, and how the metrics follow the true error. */
  public static HtmlReport addTruth(HtmlReport report, List<SourceResult> results, int topShapes) {
    List<SourceResult> withTruth = results.stream().filter(r -> r.errors() != null && !r.source().equals("truth"))
        .toList();
    if (withTruth.isEmpty()) {
      return report;
    }
    List<List<?>> rows = new ArrayList<>();
    for (SourceResult r : withTruth) {
      TruthErrors e = r.errors();
      rows.add(List.of(r.source(), e.frames(), fmt(e.mae()), fmt(e.meshErrorMm()), fmt(meanPearson(e))));
    }
    report.heading("Against the exact truth")
        .paragraph("Mean absolute error over all frames and the 52 blendshapes; mesh error: mean distance between "
            + "the avatar's vertices posed with the source and with the truth, in millimetres; mean Pearson r over "
            + "the blendshapes the truth moves.")
        .table(List.of("source", "frames", "MAE", "mesh error (mm)", "mean Pearson r"), rows);
    TruthErrors ref = withTruth.get(0).errors();
    List<Integer> shapes = IntStream.range(0, Blendshapes.ARKIT_52.size()).boxed()
        .sorted(Comparator.comparingDouble(k -> -ref.truthMean(k))).limit(topShapes).toList();
    List<String> header = new ArrayList<>(List.of("blendshape", "truth mean"));
    withTruth.forEach(r -> {
      header.add(r.source() + " MAE");
      header.add(r.source() + " r");
    });
    List<List<?>> per = new ArrayList<>();
    for (int k : shapes) {
      List<Object> row = new ArrayList<>(List.of(Blendshapes.ARKIT_52.get(k), fmt(ref.truthMean(k))));
      withTruth.forEach(r -> {
        row.add(fmt(r.errors().mae(k)));
        row.add(fmt(r.errors().pearson(k)));
      });
      per.add(row);
    }
    report.paragraph("The " + topShapes + " blendshapes most active in the truth:").table(header, per);
    List<String> agreeHeader = new ArrayList<>(List.of("source"));
    Arrays.stream(RefaMetric.values()).forEach(m -> agreeHeader.add(m.key()));
    List<List<?>> agree = new ArrayList<>();
    for (SourceResult r : withTruth) {
      List<Object> row = new ArrayList<>(List.of(r.source()));
      for (RefaMetric m : RefaMetric.values()) {
        SourceResult.Agreement a = r.agreement().get(m);
        row.add(a == null ? "" : fmt(a.spearman()) + " (n=" + a.n() + ")");
      }
      agree.add(row);
    }
    return report.paragraph("Does each metric follow the true error? Spearman's rank correlation between a "
            + "segment's score and the mesh error over the same apex frames (smoothness: per recording, against the "
            + "recording's mesh error). A metric that tracks the error is strongly negative; REFA could not measure "
            + "this, having no exact truth.")
        .table(agreeHeader, agree);
  }

  /**
   * One recording's key blendshapes over time, every source against the truth, with the peak prompts' apexes
   * listed: where muting and noise show.
   */
  public static HtmlReport addTimeline(HtmlReport report, dev.mimik.eval.refa.RecordingInput r, List<String> names) {
    if (r.truth() == null) {
      return report;
    }
    for (String name : names) {
      List<Charts.Series> series = new ArrayList<>();
      series.add(new Charts.Series("truth", r.truth().timesSeconds(), column(r.truth(), name)));
      r.sources().forEach((source, track) -> series.add(new Charts.Series(source, track.timesSeconds(),
          column(track, name))));
      report.chart(r.recording() + ": " + name + " over time", Charts.timeSeries(name, "weight", series));
    }
    List<String> peaks = r.segments().stream().filter(s -> s.kind() == dev.mimik.core.data.PromptSegment.Kind.PEAK)
        .map(s -> String.format(Locale.ROOT, "%s %.1f-%.1f s", s.prompt(), s.apexStartS(), s.apexEndS())).toList();
    return report.paragraph("Peak apexes: " + String.join(", ", peaks) + ".");
  }

  private static double[] column(dev.mimik.core.data.BlendshapeTrack t, String name) {
    return t.names().contains(name) ? t.column(name) : new double[t.frameCount()];
  }

  private static double meanPearson(TruthErrors e) {
    double s = 0;
    int n = 0;
    for (int k = 0; k < Blendshapes.ARKIT_52.size(); k++) {
      double r = e.pearson(k);
      if (!Double.isNaN(r)) {
        s += r;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  private static List<Object> row(RefaTable.Row row) {
    List<Object> out = new ArrayList<>(List.of(row.name(), row.recordings()));
    for (RefaMetric m : RefaMetric.values()) {
      out.add(fmt(row.scores().get(m)));
    }
    out.add(fmt(row.scores().overall()));
    return out;
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }
}
