package dev.mimik.sim.participant;

import dev.mimik.sim.SeedStreams;
import java.util.SplittableRandom;

/**
 * One synthetic person: who they look like, how their skin and electrodes behave and how they move.
 *
 * <p>Drawn from a seed by {@link #draw}; ranges follow the literature where it gives one: spontaneous blink rate
 * 8-30 per minute (mean about 17, Doughty 2001; Bentivoglio et al. 1997), skin-electrode impedance 2-50 kOhm
 * for gelled to dry electrodes, EOG sensitivity about 10-20 uV per degree of gaze. Electrode and amplifier noise
 * grows with impedance from about 0.6 uV RMS (gelled Ag/AgCl on a low-noise biopotential front end such as the
 * ADS1299, whose input noise is about 0.2 uV RMS below 70 Hz) to about 1.7 uV RMS (dry electrodes, whose thermal
 * and electrochemical noise dominates): the 0.5-2 uV RMS reported for surface EMG recordings. Posed expressions
 * of a recording protocol are performed close to full intensity when asked for (expressiveness 0.8-1).
 *
 * @param id a short name, e.g. {@code "p01"}
 * @param seed the seed this participant was drawn from (their sessions derive their own streams from it)
 * @param identity weights of the rig's identity modes (standard deviations), one per mode
 * @param electrodeJitterMm standard deviation of each electrode's placement error, in millimetres
 * @param impedanceKOhm skin-electrode impedance; scales powerline pick-up and electrode noise
 * @param electrodeNoiseUv RMS of the white electrode/amplifier noise per channel, in microvolts
 * @param emgGain multiplier of all muscle EMG amplitudes (skin thickness, fat, muscle size)
 * @param eogGain multiplier of the corneo-retinal dipole (about 0.7-1.3)
 * @param blinkRatePerMinute mean spontaneous blink rate
 * @param blinkDurationS median full blink duration (closing and reopening), in seconds
 * @param expressiveness multiplier of posed expression intensities (0.8-1)
 * @param powerlineHz mains frequency where this person is recorded, 50 or 60
 */
public record Participant(
    String id,
    long seed,
    double[] identity,
    double electrodeJitterMm,
    double impedanceKOhm,
    double electrodeNoiseUv,
    double emgGain,
    double eogGain,
    double blinkRatePerMinute,
    double blinkDurationS,
    double expressiveness,
    double powerlineHz) {

  /** Draws a participant with {@code identityModes} identity weights from {@code seed}. */
  public static Participant draw(String id, long seed, int identityModes) {
    SplittableRandom r = SeedStreams.stream(seed, "participant/" + id);
    double[] identity = new double[identityModes];
    for (int i = 0; i < identityModes; i++) {
      identity[i] = clamp(r.nextGaussian(), -2.5, 2.5);
    }
    double impedance = Math.exp(r.nextDouble(Math.log(2), Math.log(50)));
    return new Participant(
        id,
        seed,
        identity,
        r.nextDouble(1.0, 4.0),
        impedance,
        noiseAt(impedance),
        Math.exp(0.25 * r.nextGaussian()),
        r.nextDouble(0.75, 1.25),
        clamp(17 + 4 * r.nextGaussian(), 8, 30),
        clamp(0.25 * Math.exp(0.15 * r.nextGaussian()), 0.15, 0.4),
        r.nextDouble(0.8, 1.0),
        r.nextBoolean() ? 50 : 60);
  }

  /**
   * The same person recorded in a psychophysiology lab as facial EMG guidelines prescribe (Fridlund and Cacioppo
   * 1986): gelled Ag/AgCl electrodes on cleaned, abraded skin, impedance kept below 10 kOhm (here 2-10 kOhm,
   * log-uniform, drawn from this participant's seed), in a building whose mains frequency is {@code mainsHz}. Lower
   * impedance means less electrode noise, mains pick-up and fewer electrode pops ({@code sensor.Biosensor}); everything
   * else is kept.
   */
  public Participant inLab(double mainsHz) {
    SplittableRandom r = SeedStreams.stream(seed, "lab/" + id);
    double impedance = Math.exp(r.nextDouble(Math.log(2), Math.log(10)));
    return new Participant(id, seed, identity, electrodeJitterMm, impedance, noiseAt(impedance), emgGain, eogGain,
        blinkRatePerMinute, blinkDurationS, expressiveness, mainsHz);
  }

  /**
   * The same person with another skin-electrode impedance (the electrodes put on again), the electrode noise that
   * follows from it, and everything else kept.
   */
  public Participant withImpedance(double kOhm) {
    if (!(kOhm > 0)) {
      throw new IllegalArgumentException("impedance must be positive: " + kOhm);
    }
    return new Participant(id, seed, identity, electrodeJitterMm, kOhm, noiseAt(kOhm), emgGain, eogGain,
        blinkRatePerMinute, blinkDurationS, expressiveness, powerlineHz);
  }

  /** Electrode and amplifier noise, uV RMS, at a skin-electrode impedance in kOhm (see the type's description). */
  private static double noiseAt(double impedanceKOhm) {
    return 0.3 + 0.2 * Math.sqrt(impedanceKOhm);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
