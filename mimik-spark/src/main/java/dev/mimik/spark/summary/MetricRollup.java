package dev.mimik.spark.summary;

import dev.mimik.spark.job.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's metrics aggregated recording -> participant -> dataset, as {@code MetricsTable} aggregates landmark
 * metrics: each level weighs its children equally (a participant's value is the mean over its recordings, the
 * dataset's the mean over participants), except {@code frames}, which is summed. A metric missing at a child is
 * averaged over the children that have it.
 *
 * @param name the recording, the participant, or {@code dataset}
 * @param recordings how many recordings the row covers
 * @param metrics the row's values, in the order the recordings first give them
 */
public record MetricRollup(String name, int recordings, Map<String, Double> metrics) {

  /** One row per complete recording, in the given order. */
  public static List<MetricRollup> perRecording(List<Outcome> outcomes) {
    return outcomes.stream().filter(Outcome::complete)
        .map(o -> new MetricRollup(o.recording(), 1, o.metrics())).toList();
  }

  /** One row per participant with a complete recording, in order of first appearance. */
  public static List<MetricRollup> perParticipant(List<Outcome> outcomes) {
    Map<String, List<MetricRollup>> groups = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      if (o.complete()) {
        groups.computeIfAbsent(o.participant(), k -> new ArrayList<>())
            .add(new MetricRollup(o.recording(), 1, o.metrics()));
      }
    }
    List<MetricRollup> out = new ArrayList<>();
    groups.forEach((name, rows) -> out.add(average(name, rows)));
    return out;
  }

  /** The dataset: the mean over participants. */
  public static MetricRollup dataset(List<Outcome> outcomes) {
    return average("dataset", perParticipant(outcomes));
  }

  private static MetricRollup average(String name, List<MetricRollup> children) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (MetricRollup c : children) {
      c.metrics().forEach((k, v) -> {
        double[] s = sums.computeIfAbsent(k, x -> new double[2]);
        s[0] += v;
        s[1]++;
      });
    }
    Map<String, Double> values = new LinkedHashMap<>();
    sums.forEach((k, s) -> values.put(k, k.equals("frames") ? s[0] : s[0] / s[1]));
    return new MetricRollup(name, children.stream().mapToInt(MetricRollup::recordings).sum(), values);
  }
}
