package dev.mimik.sim.sensor;

/**
 * One simulated electrode pop, as {@link Biosensor} adds it: a step of {@code amplitudeUv} at {@code onsetSeconds}
 * on one lead, decaying exponentially with time constant {@code decaySeconds} (cut off after six of them). The
 * exact ground truth against which artefact detection is measured.
 *
 * @param lead lead index in the montage
 * @param onsetSeconds onset, seconds from the start of the recording (on a sample)
 * @param amplitudeUv signed step height, uV
 * @param decaySeconds time constant of the decay, seconds
 */
public record ElectrodePop(int lead, double onsetSeconds, double amplitudeUv, double decaySeconds) {

  /** End of the pop as added: six time constants after the onset. */
  public double endSeconds() {
    return onsetSeconds + 6 * decaySeconds;
  }
}
