package dev.mimik.sim.performance;

/**
 * The time course of a posed expression: a smooth rise from onset to apex, a held apex with a slight tremor (about
 * 0.7 Hz), and a smooth return to rest.
 */
public final class TrialEnvelope {

  private TrialEnvelope() {}

  /**
   * The envelope at time {@code t}: 0 at onset, 1 at the apex (times {@code 1 + tremor * sin(...)}), 0 at the stop.
   *
   * @param tremor relative amplitude of the apex tremor
   * @param tremorPhase its phase, radians
   */
  public static double at(double t, double onset, double apexStart, double apexEnd, double stop, double tremor,
      double tremorPhase) {
    if (t < apexStart) {
      return smoothstep((t - onset) / (apexStart - onset));
    }
    if (t <= apexEnd) {
      return 1 + tremor * Math.sin(2 * Math.PI * 0.7 * t + tremorPhase);
    }
    return 1 - smoothstep((t - apexEnd) / (stop - apexEnd));
  }

  private static double smoothstep(double x) {
    double u = Math.max(0, Math.min(1, x));
    return u * u * (3 - 2 * u);
  }
}
