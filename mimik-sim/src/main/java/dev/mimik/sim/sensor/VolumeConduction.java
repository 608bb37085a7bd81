package dev.mimik.sim.sensor;

import dev.mimik.sim.muscle.Muscle;
import dev.mimik.sim.muscle.MuscleModel;

/**
 * How strongly each lead picks up each muscle's surface EMG, falling off with distance.
 *
 * <p>A muscle's surface EMG reaches an electrode by two paths. The near field of the motor-unit action potentials
 * travelling along the fibres: at distance {@code d} from a muscle centre it has gain
 * {@code n(d) = (1 + (d / lambda)^2)^(-3/2)} (a buried source at depth {@code lambda} seen on the skin), and it
 * is largely uncorrelated between electrodes 10 mm apart, so a lead sees the average of its two electrodes'
 * near-field gains. And the far field of the bounded, conductive head, {@code h(d) = (1 + (d / lambdaFar)^2)^(-1)}:
 * spatially smooth, so it is common to nearby electrodes and a lead sees only the difference of its electrodes'
 * far-field potentials, {@code F |h(d+) - h(d-)|}. That is why a 10 mm bipolar lead over a muscle (the Fridlund
 * montage) is selective, while an electrode near the ear referred to the mastoid, 50-100 mm away from the
 * face, picks up facial muscles several centimetres away: ear-EEG is strongly contaminated by the EMG of
 * smiling, jaw clenching and eye squinting (Kappel et al. 2017, Physiological artifacts in scalp EEG and
 * ear-EEG), and BioFace-3D tracks the whole face from electrodes near one ear for the same reason.
 * {@code lambda} = 12 mm gives about 10 % crosstalk between neighbouring facial muscles 25-30 mm apart on a
 * bipolar lead; {@code F} = 0.3 with {@code lambdaFar} = 30 mm lets a smile reach an electrode in front of the
 * ear, 40-45 mm from the zygomaticus, at about 10 % of its local amplitude (a few microvolts), the other side of
 * the face at about 2-3 %. These are modelling choices that keep the Fridlund profiles' correlation with the real
 * table, not measurements.
 */
public final class VolumeConduction {

  /** The depth scale of the fall-off, millimetres. */
  public static final double LAMBDA_MM = 12;
  /** The scale of the far field, millimetres. */
  public static final double LAMBDA_FAR_MM = 30;
  /** The weight of the far field. */
  public static final double FAR_FIELD = 0.3;

  private VolumeConduction() {}

  /** Gain {@code [lead][activation column]} (columns as in {@link MuscleModel}). */
  public static double[][] gains(Montage montage) {
    double[][] g = new double[montage.leads().size()][MuscleModel.columns()];
    for (int c = 0; c < g.length; c++) {
      Lead lead = montage.leads().get(c);
      for (Muscle m : Muscle.values()) {
        for (Muscle.Side side : Muscle.Side.values()) {
          double[] p = m.position(side);
          g[c][MuscleModel.column(m, side)] = 0.5 * (near(lead.plus(), p) + near(lead.minus(), p))
              + FAR_FIELD * Math.abs(far(lead.plus(), p) - far(lead.minus(), p));
        }
      }
    }
    return g;
  }

  private static double near(double[] a, double[] b) {
    double q = 1 + distanceSquared(a, b) / (LAMBDA_MM * LAMBDA_MM);
    return 1 / (q * Math.sqrt(q));
  }

  private static double far(double[] a, double[] b) {
    return 1 / (1 + distanceSquared(a, b) / (LAMBDA_FAR_MM * LAMBDA_FAR_MM));
  }

  private static double distanceSquared(double[] a, double[] b) {
    double dx = a[0] - b[0];
    double dy = a[1] - b[1];
    double dz = a[2] - b[2];
    return dx * dx + dy * dy + dz * dz;
  }
}
