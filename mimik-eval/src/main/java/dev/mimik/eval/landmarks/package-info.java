/**
 * Landmark accuracy: matching predicted and ground-truth frames, {@code nme_percent} and {@code mae_mm} (FORMATS.md),
 * per-landmark errors, error CDFs, aggregation per recording, participant and dataset, and {@code metrics.json}.
 */
package dev.mimik.eval.landmarks;
