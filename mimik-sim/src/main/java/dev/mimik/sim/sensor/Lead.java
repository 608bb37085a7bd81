package dev.mimik.sim.sensor;

import java.util.Objects;

/**
 * One bipolar channel: the potential at the {@code plus} electrode minus that at the {@code minus} electrode.
 *
 * <p>Positions are in the face frame of {@link dev.mimik.sim.muscle.Muscle}: millimetres, origin midway between the
 * eye centres, +X to the subject's left, +Y up, +Z forward.
 *
 * @param name the channel label
 * @param plus position of the non-inverting electrode {x, y, z}
 * @param minus position of the inverting (reference) electrode {x, y, z}
 */
public record Lead(String name, double[] plus, double[] minus) {

  public Lead {
    Objects.requireNonNull(name, "name");
    if (plus.length != 3 || minus.length != 3) {
      throw new IllegalArgumentException("electrode positions need three coordinates");
    }
  }
}
