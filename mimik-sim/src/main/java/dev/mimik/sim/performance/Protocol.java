package dev.mimik.sim.performance;

import java.util.List;

/**
 * A scripted session: rounds of posed faces (shuffled per round), each trial a rest followed by onset, apex and
 * offset, with a speech bout after every {@code speechEvery} trials.
 *
 * @param faces the faces of one round, shuffled per round
 * @param restS range of the neutral rest before each trial, seconds {min, max}
 * @param onsetS range of the onset ramp
 * @param apexS range of the apex hold
 * @param offsetS range of the offset ramp
 * @param speechS range of one speech bout (zero length for none)
 * @param speechEvery trials between speech bouts
 * @param variation how trials vary beyond the templates
 */
public record Protocol(
    List<PosedFace> faces, double[] restS, double[] onsetS, double[] apexS, double[] offsetS, double[] speechS,
    int speechEvery, Variation variation) {

  public Protocol {
    faces = List.copyOf(faces);
    if (faces.isEmpty() || speechEvery < 1) {
      throw new IllegalArgumentException("a protocol needs faces and speech at most after every trial");
    }
  }

  /** BioFace-3D's protocol: the seven universal expressions (neutral included), each repeated, with speech. */
  public static Protocol bioFace3d() {
    return new Protocol(List.of(Expression.values()),
        new double[] {1.5, 3.0}, new double[] {0.3, 0.7}, new double[] {1.0, 2.5}, new double[] {0.4, 0.9},
        new double[] {3.0, 6.0}, Expression.values().length, Variation.none());
  }

  /**
   * Faces as they come in a free session: {@code faces} (e.g. the seven expressions and other facial actions),
   * after rests of 0.3-3 s, with onsets of 0.2-1 s, apexes of 0.3-3.5 s and offsets of 0.3-1.5 s, a speech bout of
   * 3-8 s after every five trials, varied as {@link Variation#natural()} says.
   */
  public static Protocol natural(List<? extends PosedFace> faces) {
    return new Protocol(List.copyOf(faces), new double[] {0.3, 3.0}, new double[] {0.2, 1.0},
        new double[] {0.3, 3.5}, new double[] {0.3, 1.5}, new double[] {3.0, 8.0}, 5, Variation.natural());
  }
}
