package dev.mimik.eval.refa;

import java.util.EnumMap;
import java.util.Map;

/**
 * The five metrics of one recording, subject or dataset; a metric with nothing to score (no segment of its kind)
 * is NaN.
 *
 * @param values one value per metric
 */
public record RefaScores(Map<RefaMetric, Double> values) {

  public RefaScores {
    EnumMap<RefaMetric, Double> copy = new EnumMap<>(RefaMetric.class);
    for (RefaMetric m : RefaMetric.values()) {
      copy.put(m, values.getOrDefault(m, Double.NaN));
    }
    values = java.util.Collections.unmodifiableMap(copy);
  }

  public double get(RefaMetric m) {
    return values.get(m);
  }

  /** The mean of the metrics that have a value (NaN if none has): how a recording is ranked among others. */
  public double overall() {
    double s = 0;
    int n = 0;
    for (double v : values.values()) {
      if (!Double.isNaN(v)) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }
}
