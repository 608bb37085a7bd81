package dev.mimik.sim.sensor;

import dev.mimik.sim.muscle.Muscle;
import dev.mimik.sim.muscle.MuscleModel;

/**
 * How strongly each lead picks up each muscle's surface EMG, falling off with distance.
 *
 * <p>An electrode at distance {@code d} from a muscle centre sees it with gain
 * {@code g(d) = (1 + (d / lambda)^2)^(-3/2)} (the field of a buried source at depth {@code lambda} seen on the skin);
 * a bipolar lead averages its two electrodes, because the propagating EMG potentials are largely uncorrelated
 * 10 mm apart. {@code lambda} = 12 mm gives the 5-15 % crosstalk between neighbouring facial muscles reported
 * for 1 cm bipolar leads (Lapatki et al. 2006).
 */
public final class VolumeConduction {

  /** The depth scale of the fall-off, millimetres. */
  public static final double LAMBDA_MM = 12;

  private VolumeConduction() {}

  /** Gain {@code [lead][activation column]} (columns as in {@link MuscleModel}). */
  public static double[][] gains(Montage montage) {
    double[][] g = new double[montage.leads().size()][MuscleModel.columns()];
    for (int c = 0; c < g.length; c++) {
      Lead lead = montage.leads().get(c);
      for (Muscle m : Muscle.values()) {
        for (Muscle.Side side : Muscle.Side.values()) {
          double[] p = m.position(side);
          g[c][MuscleModel.column(m, side)] = 0.5 * (falloff(lead.plus(), p) + falloff(lead.minus(), p));
        }
      }
    }
    return g;
  }

  private static double falloff(double[] a, double[] b) {
    double dx = a[0] - b[0];
    double dy = a[1] - b[1];
    double dz = a[2] - b[2];
    double q = 1 + (dx * dx + dy * dy + dz * dz) / (LAMBDA_MM * LAMBDA_MM);
    return 1 / (q * Math.sqrt(q));
  }
}
