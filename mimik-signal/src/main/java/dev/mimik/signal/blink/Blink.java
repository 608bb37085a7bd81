package dev.mimik.signal.blink;

/**
 * One blink found in an EOG channel.
 *
 * @param onsetSeconds when the deflection rose above {@code edgeFraction} of its amplitude (signal time)
 * @param peakSeconds when it peaked
 * @param offsetSeconds when it fell back below {@code edgeFraction} of its amplitude
 * @param amplitude peak minus the local baseline, in the channel's unit (positive for either polarity)
 */
public record Blink(double onsetSeconds, double peakSeconds, double offsetSeconds, double amplitude) {

  public double durationSeconds() {
    return offsetSeconds - onsetSeconds;
  }
}
