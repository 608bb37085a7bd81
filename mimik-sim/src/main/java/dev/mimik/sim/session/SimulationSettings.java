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

  /**
   * The settings {@code mimik simulate}'s options give, checked as the command checks them (a bad value is a
   * {@link dev.mimik.core.io.BadInputException} naming the option); {@code montage} is {@code earpiece},
   * {@code fridlund} or a montage CSV file, {@code conditions} {@code realistic} or {@code controlled}. The
   * performance tracks run at 120 Hz.
   */
  public static SimulationSettings ofOptions(int participants, int sessions, double minutes, long seed,
      String montage, double rate, double fps, String conditions) {
    require(participants >= 1 && participants <= 10_000, "--participants must be 1..10000, not " + participants);
    require(sessions >= 1 && sessions <= 1000, "--sessions-per-participant must be 1..1000, not " + sessions);
    require(minutes > 0 && minutes <= 24 * 60, "--minutes must be in (0, 1440], not " + minutes);
    require(rate >= 250 && rate <= 20_000, "--rate must be 250..20000 Hz, not " + rate);
    require(fps >= 1 && fps <= 240, "--fps must be 1..240, not " + fps);
    java.nio.file.Path file = java.nio.file.Path.of(montage);
    Montage m = montage.endsWith(".csv") || java.nio.file.Files.isRegularFile(file) ? Montage.read(file)
        : Montage.named(montage);
    Conditions c;
    try {
      c = Conditions.named(conditions);
    } catch (IllegalArgumentException e) {
      throw new dev.mimik.core.io.BadInputException("--conditions: " + e.getMessage());
    }
    return new SimulationSettings(participants, sessions, minutes, seed, m, rate, fps, 120, c);
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new dev.mimik.core.io.BadInputException(problem);
    }
  }
}
