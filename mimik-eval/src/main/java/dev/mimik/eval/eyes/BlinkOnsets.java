package dev.mimik.eval.eyes;

import dev.mimik.eval.landmarks.LandmarkEvaluator;

/**
 * When a reconstructed face started each true blink: the avatar blinks when both eyes' mean 3D aperture closes below
 * {@link ReconstructionScores#CLOSED_FRACTION} of the neutral one within the true blink, and its onset is where the
 * lids started to move before that closure.
 */
public final class BlinkOnsets {

  /**
   * The lids have started a blink when the aperture falls below this fraction of the open one (the widest in the
   * {@link #LEAD_SECONDS} before the closure, so a squint or a wide-eyed expression sets its own open level): close
   * to open, so that the true face itself, sampled at 30 fps, starts its slowest blinks within 2 frames.
   */
  public static final double ONSET_FRACTION = 0.95;
  /** How far before a closure the eye's open aperture is looked for (lids close in under 0.2 s). */
  public static final double LEAD_SECONDS = 0.3;

  private BlinkOnsets() {}

  /**
   * The avatar's blink onset for each true blink, minus the true onset, in frames (NaN for a blink the avatar
   * missed): the last frame before the closure whose aperture was still above {@link #ONSET_FRACTION} of open, plus
   * one.
   *
   * @param times the reconstruction's frame times, seconds
   * @param apertures per frame, both eyes' aperture relative to the neutral one
   * @param trueBlinks {@code [blink]{onset_s, duration_s}}
   * @param fps the reconstruction's frame rate
   */
  public static double[] errorsFrames(double[] times, double[][] apertures, double[][] trueBlinks, double fps) {
    double[] mean = new double[times.length];
    for (int f = 0; f < mean.length; f++) {
      mean[f] = (apertures[f][0] + apertures[f][1]) / 2;
    }
    double[] out = new double[trueBlinks.length];
    for (int b = 0; b < trueBlinks.length; b++) {
      double onset = trueBlinks[b][0];
      double end = onset + trueBlinks[b][1];
      int from = Math.max(0, LandmarkEvaluator.nearest(times, onset));
      int to = LandmarkEvaluator.nearest(times, end);
      int closed = -1;
      for (int f = from; f <= to && closed < 0; f++) {
        closed = mean[f] < ReconstructionScores.CLOSED_FRACTION ? f : -1;
      }
      if (closed < 0) {
        out[b] = Double.NaN;
        continue;
      }
      double open = 0;
      for (int f = Math.max(0, closed - (int) Math.round(LEAD_SECONDS * fps)); f <= closed; f++) {
        open = Math.max(open, mean[f]);
      }
      int start = closed;
      while (start > 0 && mean[start - 1] < ONSET_FRACTION * open) {
        start--;
      }
      out[b] = (times[start] - onset) * fps;
    }
    return out;
  }
}
