package dev.mimik.sim.sensor;

/**
 * The electro-oculogram: each eye is a corneo-retinal dipole (cornea positive) pointing along its gaze; a lead
 * measures the difference of the dipole potentials {@code k * u.(r - c) / |r - c|^2.5} at its two electrodes.
 *
 * <p>A dipole in an infinite medium falls off as {@code 1/r^2}; the bounded head carries its potential farther,
 * so the model uses {@code 1/r^1.5}, which puts the EOG at an electrode beside the ear at about a tenth of the
 * canthal EOG (in-ear and around-ear EOG is several times weaker than the canthal EOG).
 *
 * <p>{@code k} is set so that a horizontal lead at the outer canthi reads {@link #MICROVOLTS_PER_DEGREE} per
 * degree of gaze (EOG sensitivity is 10-20 uV per degree). Blinks rotate the effective dipole upward (Bell's
 * phenomenon plus the lid sliding over the cornea), which gives the positive frontal blink artefact of
 * 100-300 uV.
 */
public final class EogDipole {

  /** Horizontal EOG sensitivity at the outer canthi for a participant with EOG gain 1. */
  public static final double MICROVOLTS_PER_DEGREE = 16;
  /** Upward rotation of the effective dipole at full lid closure, degrees. */
  public static final double BLINK_ROTATION_DEG = 30;

  private static final double[][] EYES = {{32, 0, 0}, {-32, 0, 0}};
  private final double[][] plus;
  private final double[][] minus;
  private final double k;

  /** The dipole model for a montage (one row of electrode pairs per lead). */
  public EogDipole(Montage montage) {
    int n = montage.leads().size();
    plus = new double[n][];
    minus = new double[n][];
    for (int c = 0; c < n; c++) {
      plus[c] = montage.leads().get(c).plus();
      minus[c] = montage.leads().get(c).minus();
    }
    double[] canthusL = {45, 0, 6};
    double[] canthusR = {-45, 0, 6};
    double d = 1e-3;
    double slope = (potential(canthusL, canthusR, d, 0, 1) - potential(canthusL, canthusR, -d, 0, 1))
        / (2 * Math.toDegrees(d));
    k = MICROVOLTS_PER_DEGREE / slope;
  }

  /** Lead voltages (uV) into {@code out} for gaze yaw/pitch in degrees and lid closure (0..1). */
  public void voltages(double yawDeg, double pitchDeg, double closure, double gain, double[] out) {
    double yaw = Math.toRadians(yawDeg);
    double pitch = Math.toRadians(pitchDeg + BLINK_ROTATION_DEG * closure);
    for (int c = 0; c < out.length; c++) {
      out[c] = potential(plus[c], minus[c], yaw, pitch, gain * k);
    }
  }

  private static double potential(double[] a, double[] b, double yaw, double pitch, double k) {
    double ux = Math.sin(yaw) * Math.cos(pitch);
    double uy = Math.sin(pitch);
    double uz = Math.cos(yaw) * Math.cos(pitch);
    double v = 0;
    for (double[] eye : EYES) {
      v += k * (at(a, eye, ux, uy, uz) - at(b, eye, ux, uy, uz));
    }
    return v;
  }

  private static double at(double[] r, double[] c, double ux, double uy, double uz) {
    double dx = r[0] - c[0];
    double dy = r[1] - c[1];
    double dz = r[2] - c[2];
    double d2 = dx * dx + dy * dy + dz * dz;
    return (ux * dx + uy * dy + uz * dz) / (d2 * Math.sqrt(Math.sqrt(d2)));
  }
}
