package dev.mimik.sim.performance;

import java.util.Map;

/**
 * The seven universal expressions of BioFace-3D's protocol, each with its apex as ARKit-52 weights.
 *
 * <p>Apexes follow the EMFACS prototypes (Ekman and Friesen) through the usual AU-to-ARKit correspondence:
 * happy AU6+12(+25), sad AU1+4+15+17, surprise AU1+2+5+26, fear AU1+2+4+5+7+20+26, disgust AU4+9+10+15+17,
 * anger AU4+5+7+17+23+24.
 */
public enum Expression implements PosedFace {
  NEUTRAL(Map.of()),
  HAPPY(Map.of("mouthSmile", 0.9, "cheekSquint", 0.6, "eyeSquint", 0.3, "mouthUpperUp", 0.2, "jawOpen", 0.1)),
  SAD(Map.of("browInnerUp", 0.7, "browDown", 0.4, "mouthFrown", 0.25, "mouthShrugLower", 0.8)),
  SURPRISE(Map.of("browInnerUp", 0.8, "browOuterUp", 0.8, "eyeWide", 0.7, "jawOpen", 0.5)),
  FEAR(Map.of("browInnerUp", 0.8, "browOuterUp", 0.4, "browDown", 0.3, "eyeWide", 0.6, "eyeSquint", 0.2,
      "mouthStretch", 0.8, "jawOpen", 0.3)),
  DISGUST(Map.of("noseSneer", 0.8, "mouthUpperUp", 0.5, "browDown", 0.5, "mouthFrown", 0.3,
      "mouthShrugLower", 0.1, "cheekSquint", 0.3)),
  ANGER(Map.of("browDown", 0.5, "eyeSquint", 0.5, "eyeWide", 0.3, "mouthPress", 0.7, "mouthRollLower", 0.3,
      "mouthShrugLower", 0.4));

  private final double[] apex;

  Expression(Map<String, Double> bases) {
    apex = Apexes.of(bases);
  }

  @Override
  public double[] apex() {
    return apex.clone();
  }

  @Override
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
