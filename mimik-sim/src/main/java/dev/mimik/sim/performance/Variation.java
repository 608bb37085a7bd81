package dev.mimik.sim.performance;

/**
 * How much a protocol's trials vary beyond its templates.
 *
 * @param intensity range of each trial's intensity as a fraction of the participant's expressiveness
 *     {@code {min, max}}
 * @param style range of the factor by which a person scales each shape of a face, drawn once per person and face
 *     ({@link Style}); {@code {1, 1}} performs the templates as written
 * @param asymmetrySd standard deviation of a trial's left-right imbalance: the left side's shapes scaled by
 *     {@code 1 + a}, the right's by {@code 1 - a}, around the person's own lean (0 for symmetric faces)
 * @param blendProbability chance that a trial blends a second face into the first, with its own timing
 * @param blendShare range of the second face's intensity relative to the first {@code {min, max}}
 * @param visemes whether speech is articulated as visemes ({@link Speech}) rather than as plain syllables
 * @param speechExpressionProbability chance that a speech bout is coloured by an expression (talking while
 *     smiling), at {@code blendShare} of a trial's intensity
 */
public record Variation(double[] intensity, double[] style, double asymmetrySd, double blendProbability,
    double[] blendShare, boolean visemes, double speechExpressionProbability) {

  public Variation {
    if (intensity.length != 2 || style.length != 2 || blendShare.length != 2 || !(asymmetrySd >= 0)
        || !(blendProbability >= 0 && blendProbability <= 1)
        || !(speechExpressionProbability >= 0 && speechExpressionProbability <= 1)) {
      throw new IllegalArgumentException("invalid variation");
    }
    intensity = intensity.clone();
    style = style.clone();
    blendShare = blendShare.clone();
  }

  /** The templates as written, each trial at 85-100 % of the participant's expressiveness: BioFace-3D's protocol. */
  public static Variation none() {
    return new Variation(new double[] {0.85, 1.0}, new double[] {1, 1}, 0, 0, new double[] {0, 0}, false, 0);
  }

  /**
   * Faces as people make them: trials from subtle to full (25-100 % of expressiveness), each person's own version
   * of each face (every shape scaled by 0.75-1.15), left-right imbalance of 15 % standard deviation, a third of the
   * trials blending a second face at 20-60 %, speech as visemes and half the speech bouts with an expression.
   */
  public static Variation natural() {
    return new Variation(new double[] {0.25, 1.0}, new double[] {0.75, 1.15}, 0.15, 1.0 / 3, new double[] {0.2, 0.6},
        true, 0.5);
  }

  /** Whether trials are performed exactly as the templates say (no style, asymmetry or blend). */
  boolean isNone() {
    return style[0] == 1 && style[1] == 1 && asymmetrySd == 0 && blendProbability == 0 && !visemes
        && speechExpressionProbability == 0;
  }

  @Override
  public double[] intensity() {
    return intensity.clone();
  }

  @Override
  public double[] style() {
    return style.clone();
  }

  @Override
  public double[] blendShare() {
    return blendShare.clone();
  }
}
