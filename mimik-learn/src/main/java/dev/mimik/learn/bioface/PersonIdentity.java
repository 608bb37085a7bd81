package dev.mimik.learn.bioface;

import dev.mimik.face.fit.FitOptions;
import dev.mimik.face.fit.RestShape;
import dev.mimik.face.fit.RigFitter;
import dev.mimik.face.rig.FaceRig;
import java.util.Arrays;
import java.util.Objects;

/**
 * A person's face shape on a rig, so that the expression fit does not take the shape of their face for an
 * expression: the rig's identity coefficients and the offsets of the person's rest landmarks from where those put
 * them ({@link RestShape}), fitted to landmarks of that person. A model carries the one fitted at training on the
 * camera's landmarks, spread over the whole training session; tracking with another rig fits its own on the first
 * tracked frames.
 *
 * @param rig the name of the rig the coefficients belong to
 * @param coefficients one per identity mode of that rig
 * @param offsets per landmark of the model's set, {@code x, y, z} in rig units; empty in files written before them
 */
public record PersonIdentity(String rig, double[] coefficients, double[] offsets) {

  /** How many frames the identity is fitted on. */
  public static final int FRAMES = 120;

  public PersonIdentity {
    Objects.requireNonNull(rig, "rig");
    coefficients = coefficients.clone();
    offsets = offsets == null ? new double[0] : offsets.clone();
  }

  /** The identity and offsets as the fitter takes them. */
  public RestShape rest() {
    return new RestShape(coefficients, offsets);
  }

  /**
   * Fits the rest shape of {@code rig} to landmark frames of one person ({@link RigFitter#fitRest}), each in
   * {@code frame}'s set order and shown in its display pixels (as tracking outputs them), seen through
   * {@link LandmarkFrame#assumedCamera()}; the fit leaves out the local distance terms, so that every way of fitting
   * the expressions later shares it.
   */
  public static PersonIdentity fit(FaceRig rig, LandmarkFrame frame, double[][] frames) {
    RigFitter fitter = new RigFitter(rig, frame.set(), frame.assumedCamera(), FitOptions.defaults());
    RestShape rest = fitter.fitRest(frames);
    return new PersonIdentity(rig.name(), rest.identity(), rest.offsets());
  }

  /**
   * Fits it on {@link #FRAMES} frames spread evenly over the training targets (aligned coordinates, as
   * {@link TrainingData#targets()} holds them), shown in the display pixels.
   */
  public static PersonIdentity fit(FaceRig rig, LandmarkFrame frame, float[][] alignedTargets) {
    float[][] chosen = spread(alignedTargets);
    double[][] frames = new double[chosen.length][];
    for (int i = 0; i < chosen.length; i++) {
      double[] aligned = new double[chosen[i].length];
      for (int k = 0; k < aligned.length; k++) {
        aligned[k] = chosen[i][k];
      }
      frames[i] = frame.display().apply(aligned);
    }
    return fit(rig, frame, frames);
  }

  /** {@link #FRAMES} of {@code frames} spread evenly over them (all of them when there are fewer). */
  public static <T> T[] spread(T[] frames) {
    int count = Math.min(FRAMES, frames.length);
    T[] out = Arrays.copyOf(frames, count);
    for (int i = 0; i < count; i++) {
      out[i] = frames[(int) ((long) i * frames.length / count)];
    }
    return out;
  }

  /** Whether these coefficients belong to {@code rig} (same name and number of identity modes). */
  public boolean fits(FaceRig rig) {
    return rig.name().equals(this.rig) && rig.identityNames().size() == coefficients.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonIdentity p && rig.equals(p.rig) && Arrays.equals(coefficients, p.coefficients)
        && Arrays.equals(offsets, p.offsets);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rig.hashCode() + Arrays.hashCode(coefficients)) + Arrays.hashCode(offsets);
  }

  @Override
  public String toString() {
    return "PersonIdentity[" + rig + ", " + coefficients.length + " coefficients, " + offsets.length / 3
        + " landmark offsets]";
  }
}
