package dev.mimik.signal.sync;

/**
 * An automatically estimated clock mapping and how far to trust it.
 *
 * @param offsetSeconds landmark time minus biosignal time at biosignal time 0
 * @param drift relative rate error ({@link ClockMapping#drift()}); 0 where it was not estimated
 * @param peakCorrelation the score at the best lag, in [0, 1]; near 0 means no shared structure
 * @param runnerUpCorrelation the best score outside the peak's lobe (NaN if none): near the peak's, the offset is
 *     ambiguous
 * @param runnerUpOffsetSeconds the lag of the runner-up
 * @param peakToSidelobe how far the peak stands above the scores outside its lobe, in standard deviations of those
 * @param overlapSeconds duration over which the two streams overlapped at the best lag
 */
public record OffsetEstimate(double offsetSeconds, double drift, double peakCorrelation, double runnerUpCorrelation,
    double runnerUpOffsetSeconds, double peakToSidelobe, double overlapSeconds) {

  /** The clock mapping with this offset and drift. */
  public ClockMapping mapping() {
    return new ClockMapping(offsetSeconds, drift);
  }
}
