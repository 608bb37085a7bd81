package dev.mimik.app;

import dev.mimik.eval.report.HtmlReport;

/** Placeholder until the heat map is drawn. */
final class EiferHeatMap {
  private EiferHeatMap() {}

  static void addTo(HtmlReport h, EiferExperiment.Result r) {}
}
