package dev.mimik.sim.performance;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.sim.SeedStreams;
import java.util.SplittableRandom;

/**
 * How a person performs a posed face in their own way: every shape of its apex scaled by a factor drawn once per
 * person and face (from the person's seed and the face's label), so the same person repeats their version of it and
 * another person's differs.
 */
public final class Style {

  private static final int LEFT_BLINK = Blendshapes.indexOf("eyeBlinkLeft");
  private static final int RIGHT_BLINK = Blendshapes.indexOf("eyeBlinkRight");

  private Style() {}

  /**
   * The apex a person with seed {@code personSeed} reaches for {@code face} at {@code intensity}: each shape times
   * its factor, drawn uniformly in {@code [low, high)}, times the intensity; the closed eye of a face that is not
   * {@link PosedFace#graded() graded} stays at its apex value.
   */
  public static double[] apex(long personSeed, PosedFace face, double intensity, double low, double high) {
    SplittableRandom style = SeedStreams.stream(personSeed, "style/" + face.label());
    double[] apex = face.apex();
    for (int k = 0; k < apex.length; k++) {
      double factor = style.nextDouble(low, high);
      boolean closure = !face.graded() && (k == LEFT_BLINK || k == RIGHT_BLINK);
      apex[k] = closure ? apex[k] : apex[k] * factor * intensity;
    }
    return apex;
  }
}
