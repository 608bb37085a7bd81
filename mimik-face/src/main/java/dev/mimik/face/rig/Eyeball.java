package dev.mimik.face.rig;

import java.util.Objects;

/**
 * An eyeball of a rig: a sphere whose vertices rotate about its centre to move the gaze.
 *
 * @param centre centre of the sphere in rig units (x, y, z)
 * @param radius radius in rig units
 * @param axis unit vector from the centre toward the pupil at neutral gaze
 * @param vertices indices of the rig vertices that belong to this eyeball
 */
public record Eyeball(double[] centre, double radius, double[] axis, int[] vertices) {

  /**
   * The gaze an ARKit {@code eyeLookIn}/{@code eyeLookOut} weight of 1 stands for, degrees (mimik's convention:
   * ARKit publishes none; the embedded rig's eyeballs turn this far).
   */
  public static final double LOOK_SIDEWAYS_DEGREES = 28;
  /** The gaze an ARKit {@code eyeLookUp}/{@code eyeLookDown} weight of 1 stands for, degrees. */
  public static final double LOOK_VERTICAL_DEGREES = 22;

  public Eyeball {
    Objects.requireNonNull(centre, "centre");
    Objects.requireNonNull(axis, "axis");
    Objects.requireNonNull(vertices, "vertices");
  }

  /** The pupil position at neutral gaze: the centre plus the radius along the axis. */
  public double[] pupil() {
    return new double[] {
      centre[0] + radius * axis[0], centre[1] + radius * axis[1], centre[2] + radius * axis[2]
    };
  }

  /** The vertex of this eyeball nearest its {@link #pupil()} in {@code neutral} (the pupil landmark's vertex). */
  public int pupilVertex(float[] neutral) {
    double[] p = pupil();
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int v : vertices) {
      double dx = neutral[3 * v] - p[0];
      double dy = neutral[3 * v + 1] - p[1];
      double dz = neutral[3 * v + 2] - p[2];
      double d = dx * dx + dy * dy + dz * dz;
      if (d < bestD) {
        bestD = d;
        best = v;
      }
    }
    return best;
  }

  /**
   * An offset {@code (dx, dy, dz)} from the eyeball's centre turned with the eyeball: by {@code pitchDeg} about +X
   * (positive looks down), then by {@code yawDeg} about +Y (positive looks toward +X, the subject's left).
   */
  public static double[] turned(double dx, double dy, double dz, double pitchDeg, double yawDeg) {
    double cp = Math.cos(Math.toRadians(pitchDeg));
    double sp = Math.sin(Math.toRadians(pitchDeg));
    double cy = Math.cos(Math.toRadians(yawDeg));
    double sy = Math.sin(Math.toRadians(yawDeg));
    double y1 = cp * dy - sp * dz;
    double z1 = sp * dy + cp * dz;
    return new double[] {cy * dx + sy * z1, y1, -sy * dx + cy * z1};
  }
}
