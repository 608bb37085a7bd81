package dev.mimik.face.fit;

/**
 * A person's face at rest on a rig, as a landmark fit sees it: the rig's identity coefficients, and how far each
 * landmark of the person's rest sits from where those put it (the part of a face no identity mode of the rig
 * reaches, and a detector's own idea of where a landmark is). Without the offsets the fit spends expression weights
 * on that difference.
 *
 * @param identity one coefficient per identity mode of the rig
 * @param offsets per landmark of the fitted set, in set order, its offset {@code x, y, z} in rig units (the rig's
 *     frame); empty for none
 */
public record RestShape(double[] identity, double[] offsets) {

  public RestShape {
    identity = identity.clone();
    offsets = offsets == null ? new double[0] : offsets.clone();
  }

  /** The rig's own rest for these identity coefficients: no offsets. */
  public static RestShape of(double[] identity) {
    return new RestShape(identity, new double[0]);
  }

  /** Whether the landmarks have offsets. */
  public boolean hasOffsets() {
    return offsets.length > 0;
  }

  @Override
  public double[] identity() {
    return identity.clone();
  }

  @Override
  public double[] offsets() {
    return offsets.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RestShape r && java.util.Arrays.equals(identity, r.identity)
        && java.util.Arrays.equals(offsets, r.offsets);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(identity) + java.util.Arrays.hashCode(offsets);
  }

  @Override
  public String toString() {
    return "RestShape[" + identity.length + " identity coefficients, " + offsets.length / 3 + " landmark offsets]";
  }
}
