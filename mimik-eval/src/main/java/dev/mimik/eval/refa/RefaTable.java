package dev.mimik.eval.refa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * REFA's three-level aggregation (§8.1): each metric is computed per recording, averaged over a subject's
 * recordings, then over subjects for the dataset; each level weighs its children equally and skips children where
 * the metric is undefined (NaN). The worst recordings and subjects, by the mean of their metrics, say where to look.
 *
 * @param recordings one entry per recording, in the order given
 */
public record RefaTable(List<Entry> recordings) {

  /** One recording's scores and whose it is. */
  public record Entry(String subject, String recording, RefaScores scores) {
    public Entry {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(recording, "recording");
      Objects.requireNonNull(scores, "scores");
    }
  }

  /**
   * One row of a level.
   *
   * @param name the recording, the subject, or {@code "dataset"}
   * @param recordings how many recordings the row summarises
   */
  public record Row(String name, int recordings, RefaScores scores) {}

  public RefaTable {
    recordings = List.copyOf(recordings);
  }

  /** One row per recording. */
  public List<Row> perRecording() {
    return recordings.stream().map(e -> new Row(e.recording(), 1, e.scores())).toList();
  }

  /** One row per subject, in order of first appearance. */
  public List<Row> perSubject() {
    Map<String, List<Row>> by = new LinkedHashMap<>();
    for (Entry e : recordings) {
      by.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(new Row(e.recording(), 1, e.scores()));
    }
    List<Row> out = new ArrayList<>();
    by.forEach((name, rows) -> out.add(average(name, rows)));
    return out;
  }

  /** The dataset: the mean over subjects. */
  public Row dataset() {
    return average("dataset", perSubject());
  }

  /** The {@code n} recordings with the lowest mean score, worst first. */
  public List<Row> worstRecordings(int n) {
    return worst(perRecording(), n);
  }

  /** The {@code n} subjects with the lowest mean score, worst first. */
  public List<Row> worstSubjects(int n) {
    return worst(perSubject(), n);
  }

  private static List<Row> worst(List<Row> rows, int n) {
    return rows.stream().filter(r -> !Double.isNaN(r.scores().overall()))
        .sorted(Comparator.comparingDouble(r -> r.scores().overall())).limit(n).toList();
  }

  private static Row average(String name, List<Row> children) {
    Map<RefaMetric, Double> v = new EnumMap<>(RefaMetric.class);
    for (RefaMetric m : RefaMetric.values()) {
      double s = 0;
      int n = 0;
      for (Row c : children) {
        double x = c.scores().get(m);
        if (!Double.isNaN(x)) {
          s += x;
          n++;
        }
      }
      v.put(m, n == 0 ? Double.NaN : s / n);
    }
    return new Row(name, children.stream().mapToInt(Row::recordings).sum(), new RefaScores(v));
  }
}
