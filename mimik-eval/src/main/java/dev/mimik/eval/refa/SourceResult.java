package dev.mimik.eval.refa;

import java.util.Map;

/**
 * How one source of blendshapes (a model's prediction, the labels, the truth itself) did over a dataset.
 *
 * @param source its name
 * @param table the five metrics at the three levels
 * @param errors its errors against the truth over all recordings, or null without truth
 * @param agreement per metric, how its segment (or, for smoothness, recording) scores rank against the mesh error
 *     over the same frames; empty without truth
 */
public record SourceResult(String source, RefaTable table, TruthErrors errors, Map<RefaMetric, Agreement> agreement) {

  /**
   * Spearman's rank correlation between a metric and the true mesh error over {@code n} segments or recordings; a
   * metric that follows the error is strongly negative (a higher score where the error is lower).
   */
  public record Agreement(double spearman, int n) {}
}
