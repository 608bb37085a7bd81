package dev.mimik.sim.performance;

import java.util.List;

/**
 * A scripted session: rounds of expressions, each trial a rest followed by onset, apex and offset, with speech
 * bouts between rounds.
 *
 * @param expressions the expressions of one round, shuffled per round
 * @param restS range of the neutral rest before each trial, seconds {min, max}
 * @param onsetS range of the onset ramp
 * @param apexS range of the apex hold
 * @param offsetS range of the offset ramp
 * @param speechS range of one speech bout after each round (zero length for none)
 */
public record Protocol(
    List<Expression> expressions, double[] restS, double[] onsetS, double[] apexS, double[] offsetS,
    double[] speechS) {

  public Protocol {
    expressions = List.copyOf(expressions);
  }

  /** BioFace-3D's protocol: the seven universal expressions (neutral included), each repeated, with speech. */
  public static Protocol bioFace3d() {
    return new Protocol(List.of(Expression.values()),
        new double[] {1.5, 3.0}, new double[] {0.3, 0.7}, new double[] {1.0, 2.5}, new double[] {0.4, 0.9},
        new double[] {3.0, 6.0});
  }
}
