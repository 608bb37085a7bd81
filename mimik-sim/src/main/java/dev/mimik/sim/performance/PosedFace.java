package dev.mimik.sim.performance;

/**
 * A face held at its apex, as a table of mean EMG amplitudes has one row for it: an emotion's prototype
 * ({@link Expression}) or a voluntary facial exercise ({@link Exercise}).
 */
public interface PosedFace {

  /** The apex weights in {@link dev.mimik.core.data.Blendshapes#ARKIT_52} order (a copy). */
  double[] apex();

  /** The lower-case label used in files, e.g. {@code "surprise"} or {@code "lip_pucker"}. */
  String label();

  /**
   * Whether the whole apex scales with intensity; a face that closes an eye keeps that eye's {@code eyeBlink} at
   * its apex value whatever the intensity (a closed eye is closed).
   */
  default boolean graded() {
    return true;
  }
}
