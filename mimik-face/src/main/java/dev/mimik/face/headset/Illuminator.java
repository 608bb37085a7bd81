package dev.mimik.face.headset;

import java.util.Objects;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * A near-infrared LED of a headset, treated as a point source radiating evenly toward the face: the irradiance it
 * gives a surface falls with the square of the distance.
 *
 * @param name a short name
 * @param positionMm position in the head frame, millimetres
 * @param powerMwPerSr radiant intensity in milliwatts per steradian
 */
public record Illuminator(String name, Vector3D positionMm, double powerMwPerSr) {

  public Illuminator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(positionMm, "positionMm");
    if (!(powerMwPerSr > 0)) {
      throw new IllegalArgumentException("illuminator power must be positive");
    }
  }

  /** The same LED where a donning puts it. */
  public Illuminator donned(Donning d) {
    return new Illuminator(name, d.apply(positionMm), powerMwPerSr);
  }
}
