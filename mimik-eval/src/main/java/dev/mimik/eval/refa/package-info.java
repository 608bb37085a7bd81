/**
 * REFA's quantitative metrics (§8.1) on any blendshape output, without ground truth: semantic accuracy,
 * neutralness, smoothness, eye closure and mouth closure, computed per recording from its protocol segments and the
 * art priors ({@link dev.mimik.eval.refa.RefaMetrics}; formulas in {@code docs/refa-metrics.md}), aggregated per
 * subject and dataset with the worst recordings and subjects listed ({@link dev.mimik.eval.refa.RefaTable}); where
 * the exact truth exists, the usual errors beside them and how well each metric follows the true error.
 */
package dev.mimik.eval.refa;
