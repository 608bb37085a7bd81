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
}
