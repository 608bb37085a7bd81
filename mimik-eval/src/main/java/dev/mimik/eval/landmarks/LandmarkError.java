package dev.mimik.eval.landmarks;

/**
 * The error of one landmark over all evaluated frames.
 *
 * @param ibug the landmark's index in the (extended) iBUG numbering
 * @param nmePercent mean point error over the outer-eye-corner distance, in percent
 * @param maeMm mean point error in millimetres
 * @param points how many (frame, point) pairs the means are over
 */
public record LandmarkError(int ibug, double nmePercent, double maeMm, int points) {}
