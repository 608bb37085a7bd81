package dev.mimik.signal.sync;

/**
 * An automatically estimated clock offset and how far to trust it.
 *
 * @param offsetSeconds landmark time minus biosignal time of the same event
 * @param peakCorrelation Pearson correlation at the best lag, in [-1, 1]; near 0 means no shared structure
 * @param peakToSidelobe how far the peak stands above the correlations away from it, in standard deviations of
 *     those; above about 5 the peak is clearly unique, below about 3 the offset is a guess
 * @param overlapSeconds duration over which the two streams overlapped at the best lag
 */
public record OffsetEstimate(double offsetSeconds, double peakCorrelation, double peakToSidelobe,
    double overlapSeconds) {

  /** The clock mapping with this offset and no drift. */
  public ClockMapping mapping() {
    return ClockMapping.ofOffset(offsetSeconds);
  }
}
