package dev.mimik.sim.sensor;

import dev.mimik.sim.muscle.Muscle;
import dev.mimik.sim.muscle.MuscleModel;

/**
 * How strongly each lead picks up each muscle's surface EMG, falling off with distance.
 *
 * <p>An electrode at distance {@code d} from a muscle centre sees it with gain
 * {@code g(d) = (1 + (d / lambda)^2)^(-3/2) + F (1 + (d / lambdaFar)^2)^(-1)}: the near field of a buried source
 * at depth {@code lambda} seen on the skin, plus a far field of the bounded head that carries facial EMG to
 * distant sites (the facial-EMG contamination of ear-EEG). A bipolar lead averages its two electrodes, because
 * the propagating EMG potentials are largely uncorrelated 10 mm apart. {@code lambda} = 12 mm gives about 10 %
 * crosstalk between neighbouring facial muscles 25-30 mm apart; {@code F} = 0.08 with {@code lambdaFar} = 30 mm
 * lets a smile reach an ear electrode 50 mm away at about 2-3 % of its local amplitude, the other side of the face
 * at under 1 %. These are modelling choices,
 * tuned by eye, not measurements.
 */
public final class VolumeConduction {

  /** The depth scale of the fall-off, millimetres. */
  public static final double LAMBDA_MM = 12;
  /** The scale of the far field, millimetres. */
  public static final double LAMBDA_FAR_MM = 30;
  /** The weight of the far field. */
  public static final double FAR_FIELD = 0.08;

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
    double d2 = dx * dx + dy * dy + dz * dz;
    double q = 1 + d2 / (LAMBDA_MM * LAMBDA_MM);
    return 1 / (q * Math.sqrt(q)) + FAR_FIELD / (1 + d2 / (LAMBDA_FAR_MM * LAMBDA_FAR_MM));
  }
}
