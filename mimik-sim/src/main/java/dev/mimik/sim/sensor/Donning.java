package dev.mimik.sim.sensor;

import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.participant.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How the electrodes sit in one session: the earpiece (or electrode set) put on afresh. The whole montage moves as
 * one piece, each electrode lands a little off within its pad, the skin under it conducts differently, and each
 * lead picks up the muscles beneath it a little more or less strongly (skin and tissue under the new contact).
 *
 * <p>{@link #none()} is a session recorded without taking the electrodes off: the participant's own placement,
 * impedance and gains, as {@link Biosensor#record(Participant, Performance, long, Components)} records.
 *
 * @param shiftMm rigid displacement of the whole montage this session {@code {x, y, z}}, millimetres, face frame
 * @param electrodeSdMm standard deviation of each electrode's own placement error this session, per axis, mm
 * @param impedanceFactor multiplier of the participant's skin-electrode impedance this session
 * @param leadGainSd standard deviation of the natural log of each lead's EMG pick-up factor this session
 * @param seed the stream of the per-electrode errors and per-lead factors
 */
public record Donning(double[] shiftMm, double electrodeSdMm, double impedanceFactor, double leadGainSd, long seed) {

  /** Standard deviation of the rigid shift per axis when the earpiece is put on, millimetres. */
  public static final double SHIFT_SD_MM = 1.5;
  /** Standard deviation of each electrode's own error per axis, millimetres. */
  public static final double ELECTRODE_SD_MM = 1.0;
  /** Standard deviation of the natural log of the impedance factor. */
  public static final double IMPEDANCE_LOG_SD = 0.15;
  /** Standard deviation of the natural log of each lead's pick-up factor. */
  public static final double LEAD_GAIN_LOG_SD = 0.1;

  public Donning {
    if (shiftMm.length != 3 || !(electrodeSdMm >= 0) || !(impedanceFactor > 0) || !(leadGainSd >= 0)) {
      throw new IllegalArgumentException("invalid donning");
    }
    shiftMm = shiftMm.clone();
  }

  /** The electrodes as the participant always wears them: nothing moved, nothing changed. */
  public static Donning none() {
    return new Donning(new double[3], 0, 1, 0, 0);
  }

  /** A fresh donning drawn from {@code seed} with the sizes of this type's constants. */
  public static Donning draw(long seed) {
    SplittableRandom r = SeedStreams.stream(seed, "donning");
    double[] shift = {SHIFT_SD_MM * r.nextGaussian(), SHIFT_SD_MM * r.nextGaussian(), SHIFT_SD_MM * r.nextGaussian()};
    return new Donning(shift, ELECTRODE_SD_MM, Math.exp(IMPEDANCE_LOG_SD * r.nextGaussian()), LEAD_GAIN_LOG_SD,
        r.nextLong());
  }

  @Override
  public double[] shiftMm() {
    return shiftMm.clone();
  }

  /** Whether this donning changes anything. */
  public boolean isNone() {
    return shiftMm[0] == 0 && shiftMm[1] == 0 && shiftMm[2] == 0 && electrodeSdMm == 0 && impedanceFactor == 1
        && leadGainSd == 0;
  }

  /** The participant wearing the electrodes this session: their impedance (and so their noise) changed. */
  public Participant on(Participant who) {
    return impedanceFactor == 1 ? who : who.withImpedance(who.impedanceKOhm() * impedanceFactor);
  }

  /** The montage placed this session: shifted as a whole, every distinct electrode moved by its own error. */
  public Montage place(Montage montage) {
    if (isNone()) {
      return montage;
    }
    Montage moved = montage.jittered(electrodeSdMm, SeedStreams.stream(seed, "electrodes"));
    List<Lead> out = new ArrayList<>();
    for (Lead l : moved.leads()) {
      out.add(new Lead(l.name(), shifted(l.plus()), shifted(l.minus())));
    }
    return new Montage(montage.name(), out);
  }

  /** Each lead's EMG pick-up factor this session (1 for {@link #none()}). */
  public double[] leadGains(int leads) {
    double[] g = new double[leads];
    SplittableRandom r = SeedStreams.stream(seed, "lead-gains");
    for (int c = 0; c < leads; c++) {
      g[c] = leadGainSd == 0 ? 1 : Math.exp(leadGainSd * r.nextGaussian());
    }
    return g;
  }

  private double[] shifted(double[] p) {
    return new double[] {p[0] + shiftMm[0], p[1] + shiftMm[1], p[2] + shiftMm[2]};
  }
}
