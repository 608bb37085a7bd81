package dev.mimik.app;

import dev.mimik.eval.landmarks.LandmarkEvaluator;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.eval.eyes.ReconstructionScores;
import dev.mimik.face.eyes.EyeState;
import dev.mimik.face.eyes.EyeStates;
import dev.mimik.learn.pipeline.BlinkModel;
import dev.mimik.learn.pipeline.TrackingModel;

/**
 * Eye state of a tracked recording (issue 7's biosignal path), and when the reconstructed face started each true
 * blink.
 *
 * <p>The eye state comes from the model's blink detector, calibrated on the training camera's blinks
 * ({@link BlinkModel}): around the ear the blink potential is small and its channel and sign depend on the montage,
 * which the calibration settles. The tracked landmarks are not fused in: they are the network's prediction from the
 * same signals, not a second measurement of the lids, and they barely follow blinks. A model without a blink
 * detector (its training camera saw too few blinks) leaves the eyes to the tracked landmarks' own lids.
 */
final class EyeTracking {

  /** A reconstructed eye is open when its 3D aperture is at least this fraction of the neutral one. */
  static final double CLOSED_FRACTION = ReconstructionScores.CLOSED_FRACTION;
  /**
   * The lids have started a blink when the aperture falls below this fraction of the open one (the widest in the
   * {@link #LEAD_SECONDS} before the closure, so a squint or a wide-eyed expression sets its own open level): close
   * to open, so that the true face itself, sampled at 30 fps, starts its slowest blinks within 2 frames.
   */
  static final double ONSET_FRACTION = 0.95;
  /** How far before a closure the eye's open aperture is looked for (lids close in under 0.2 s). */
  static final double LEAD_SECONDS = 0.3;

  private EyeTracking() {}

  /** Eye states per frame and eye, and the EOG closure they came from (null when from the landmarks). */
  record States(EyeState[][] states, double[] eogClosure) {}

  /**
   * Eye states of a track made from biosignals.
   *
   * @param eogBand the recording's EOG band, {@code [channel][sample]} in the model's channel order
   * @param startSeconds the recording's start time (the track's times count from it)
   */
  static States estimate(TrackingModel model, LandmarkTrack track, double[][] eogBand, double startSeconds) {
    if (model.blinks().isEmpty()) {
      return new States(EyeStates.estimate(track.frames(), model.landmarkFrame().set()), null);
    }
    double[] times = track.timesSeconds().clone();
    for (int f = 0; f < times.length; f++) {
      times[f] -= startSeconds;
    }
    double[] closure = model.blinks().get().closure(eogBand, model.frontEnd(), times);
    return new States(EyeStates.fromEog(closure), closure);
  }

  /**
   * The avatar's blink onset for each true blink, minus the true onset, in frames (NaN for a blink the avatar
   * missed): the avatar blinks when both eyes' mean aperture closes below {@link #CLOSED_FRACTION} within the true
   * blink, and its onset is the last frame before that closure whose aperture was still above
   * {@link #ONSET_FRACTION} of open, plus one (where the lids started to move).
   */
  static double[] onsetErrorsFrames(double[] times, double[][] reconstructed, double[][] trueBlinks, double fps) {
    double[] mean = new double[times.length];
    for (int f = 0; f < mean.length; f++) {
      mean[f] = (reconstructed[f][0] + reconstructed[f][1]) / 2;
    }
    double[] out = new double[trueBlinks.length];
    for (int b = 0; b < trueBlinks.length; b++) {
      double onset = trueBlinks[b][0];
      double end = onset + trueBlinks[b][1];
      int from = Math.max(0, LandmarkEvaluator.nearest(times, onset));
      int to = LandmarkEvaluator.nearest(times, end);
      int closed = -1;
      for (int f = from; f <= to && closed < 0; f++) {
        closed = mean[f] < CLOSED_FRACTION ? f : -1;
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
