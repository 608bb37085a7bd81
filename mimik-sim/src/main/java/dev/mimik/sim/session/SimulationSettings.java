package dev.mimik.sim.session;

import dev.mimik.sim.sensor.Montage;
import java.util.Objects;

/**
 * What to simulate: how many people and sessions, how long, with which montage and rates, under which conditions,
 * from which seed.
 *
 * @param participants number of participants (at least 1)
 * @param sessionsPerParticipant sessions per participant (at least 1)
 * @param minutes length of each session
 * @param seed the seed of everything
 * @param montage the electrode montage
 * @param rate biosignal sampling rate, Hz
 * @param fps camera frame rate
 * @param internalRate rate of the performance tracks, Hz
 * @param conditions re-donning, clocks and the protocol
 */
public record SimulationSettings(int participants, int sessionsPerParticipant, double minutes, long seed,
    Montage montage, double rate, double fps, double internalRate, Conditions conditions) {

  public SimulationSettings {
    Objects.requireNonNull(montage, "montage");
    Objects.requireNonNull(conditions, "conditions");
    if (participants < 1 || sessionsPerParticipant < 1 || !(minutes > 0) || !(rate >= 100) || !(fps > 0)
        || !(internalRate >= 30)) {
      throw new IllegalArgumentException("invalid simulation settings");
    }
  }

  /** Settings under the {@link Conditions#realistic() realistic} conditions. */
  public SimulationSettings(int participants, int sessionsPerParticipant, double minutes, long seed, Montage montage,
      double rate, double fps, double internalRate) {
    this(participants, sessionsPerParticipant, minutes, seed, montage, rate, fps, internalRate,
        Conditions.realistic());
  }
}
