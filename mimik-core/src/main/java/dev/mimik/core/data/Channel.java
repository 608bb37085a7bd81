package dev.mimik.core.data;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One channel of a biosignal: its name, physical unit, sampling rate and samples in that unit.
 *
 * <p>Channels of one {@link Signal} may have different rates (EDF allows a rate per signal).
 *
 * @param name the channel label, e.g. {@code "EMG1"}
 * @param unit the physical unit of the samples, e.g. {@code "uV"}
 * @param samplingRate samples per second, positive
 * @param samples the samples in {@code unit}; not copied, treat as read-only
 */
public record Channel(String name, String unit, double samplingRate, double[] samples) {

  private static final Map<String, Double> TO_MICROVOLTS =
      Map.of("uV", 1.0, "µV", 1.0, "μV", 1.0, "mV", 1e3, "V", 1e6, "nV", 1e-3);

  public Channel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(samples, "samples");
    if (!(samplingRate > 0) || Double.isInfinite(samplingRate)) {
      throw new IllegalArgumentException("sampling rate must be positive: " + samplingRate);
    }
  }

  /** Duration covered by the samples, in seconds. */
  public double durationSeconds() {
    return samples.length / samplingRate;
  }

  /** The factor that brings this channel's samples to microvolts; empty when its unit is not a voltage. */
  public OptionalDouble microvoltsPerUnit() {
    Double s = TO_MICROVOLTS.get(unit);
    return s == null ? OptionalDouble.empty() : OptionalDouble.of(s);
  }

  /** A copy of this channel with other samples (same name, unit and rate). */
  public Channel withSamples(double[] newSamples) {
    return new Channel(name, unit, samplingRate, newSamples);
  }
}
