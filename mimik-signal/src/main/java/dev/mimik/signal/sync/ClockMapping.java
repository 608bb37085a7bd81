package dev.mimik.signal.sync;

import org.hipparchus.stat.regression.SimpleRegression;

/**
 * The mapping from the biosignal clock to the landmark (video) clock: an offset plus a linear drift,
 * {@code landmarkTime = offset + (1 + drift) * biosignalTime}.
 *
 * <p>Two devices with separate crystals drift by tens of parts per million; over an hour that is a few video
 * frames, so the drift term matters for long recordings.
 *
 * @param offsetSeconds landmark time at biosignal time 0
 * @param drift relative rate error of the biosignal clock (e.g. {@code 2e-5} for 20 ppm)
 */
public record ClockMapping(double offsetSeconds, double drift) {

  public ClockMapping {
    if (!Double.isFinite(offsetSeconds) || !(drift > -1) || !Double.isFinite(drift)) {
      throw new IllegalArgumentException("bad clock mapping: offset " + offsetSeconds + " s, drift " + drift);
    }
  }

  /** Same clock. */
  public static ClockMapping identity() {
    return new ClockMapping(0, 0);
  }

  /** A pure offset. */
  public static ClockMapping ofOffset(double offsetSeconds) {
    return new ClockMapping(offsetSeconds, 0);
  }

  /**
   * Least-squares fit from matching event times on both clocks (e.g. sync pulses seen by both devices); with one
   * pair, a pure offset.
   */
  public static ClockMapping fit(double[] biosignalTimes, double[] landmarkTimes) {
    if (biosignalTimes.length != landmarkTimes.length || biosignalTimes.length == 0) {
      throw new IllegalArgumentException("need matching, non-empty event times on both clocks");
    }
    if (biosignalTimes.length == 1) {
      return ofOffset(landmarkTimes[0] - biosignalTimes[0]);
    }
    SimpleRegression r = new SimpleRegression();
    for (int i = 0; i < biosignalTimes.length; i++) {
      r.addData(biosignalTimes[i], landmarkTimes[i]);
    }
    return new ClockMapping(r.getIntercept(), r.getSlope() - 1);
  }

  /** The landmark-clock time of a biosignal-clock time. */
  public double toLandmarkTime(double biosignalTime) {
    return offsetSeconds + (1 + drift) * biosignalTime;
  }

  /** The biosignal-clock time of a landmark-clock time. */
  public double toBiosignalTime(double landmarkTime) {
    return (landmarkTime - offsetSeconds) / (1 + drift);
  }

  /** Biosignal-clock times of all the given landmark-clock times (e.g. video frame times). */
  public double[] toBiosignalTimes(double[] landmarkTimes) {
    double[] t = new double[landmarkTimes.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = toBiosignalTime(landmarkTimes[i]);
    }
    return t;
  }
}
