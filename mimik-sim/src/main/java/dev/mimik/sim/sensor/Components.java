package dev.mimik.sim.sensor;

/**
 * Which parts of the biosignal forward model to include; all of them for realistic data, one at a time to test
 * a part on its own.
 *
 * @param emg surface EMG of the muscles
 * @param eog the corneo-retinal dipole with blink artefacts
 * @param powerline mains interference and its harmonics
 * @param wander baseline wander (electrode polarisation, respiration, sweat)
 * @param noise white electrode and amplifier noise
 * @param artefacts motion artefacts during head movements and electrode pops
 */
public record Components(boolean emg, boolean eog, boolean powerline, boolean wander, boolean noise,
    boolean artefacts) {

  /** Everything: what a real recording holds. */
  public static Components all() {
    return new Components(true, true, true, true, true, true);
  }

  /** Only the muscles. */
  public static Components emgOnly() {
    return new Components(true, false, false, false, false, false);
  }

  /** Only the eyes. */
  public static Components eogOnly() {
    return new Components(false, true, false, false, false, false);
  }
}
