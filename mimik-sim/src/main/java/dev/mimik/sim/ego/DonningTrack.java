package dev.mimik.sim.ego;

import dev.mimik.face.headset.Donning;
import java.util.SplittableRandom;

/**
 * How the headset sits during one recording: an offset drawn when it is put on (translation 2 mm and rotation
 * 1.5 degrees standard deviation per axis, clipped at 2.5 sigma) and a slow slip while worn (downward 0-0.6 mm per
 * minute under its weight, plus a drift of up to 0.3 mm and 0.3 degrees per minute in random directions). The
 * ranges are modelling choices: REFA reports designing for donning variation without giving its size.
 *
 * @param start the offset at time 0: tx, ty, tz (mm), yaw, pitch, roll (degrees)
 * @param ratePerMinute the slip per minute, same components
 */
public record DonningTrack(double[] start, double[] ratePerMinute) {

  /** Draws a session's donning. */
  public static DonningTrack draw(SplittableRandom r) {
    double[] s = new double[6];
    double[] v = new double[6];
    for (int k = 0; k < 6; k++) {
      double sigma = k < 3 ? 2.0 : 1.5;
      s[k] = Math.max(-2.5 * sigma, Math.min(2.5 * sigma, sigma * r.nextGaussian()));
      v[k] = r.nextDouble(-0.3, 0.3);
    }
    v[1] -= r.nextDouble(0, 0.6);
    return new DonningTrack(s, v);
  }

  /** A headset that sits exactly as designed. */
  public static DonningTrack none() {
    return new DonningTrack(new double[6], new double[6]);
  }

  /** The components at time {@code t} seconds. */
  public double[] componentsAt(double t) {
    double[] c = new double[6];
    for (int k = 0; k < 6; k++) {
      c[k] = start[k] + ratePerMinute[k] * t / 60;
    }
    return c;
  }

  /** The donning at time {@code t} seconds. */
  public Donning at(double t) {
    double[] c = componentsAt(t);
    return Donning.of(c[0], c[1], c[2], c[3], c[4], c[5]);
  }
}
