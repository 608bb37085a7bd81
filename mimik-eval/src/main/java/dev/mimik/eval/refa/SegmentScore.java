package dev.mimik.eval.refa;

import dev.mimik.core.data.PromptSegment;

/**
 * One segment's contribution to a metric.
 *
 * @param segment the protocol segment
 * @param metric the metric it is scored on
 * @param score its score in [0, 1]
 */
public record SegmentScore(PromptSegment segment, RefaMetric metric, double score) {}
