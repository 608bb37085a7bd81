package dev.mimik.sim.performance;

/**
 * One blink of the ground truth: from the first lowering of the lids to their full reopening.
 *
 * @param onsetS start, seconds on the biosensor clock
 * @param durationS full duration, seconds
 */
public record Blink(double onsetS, double durationS) {}
