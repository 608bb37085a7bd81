package dev.mimik.core.data;

import java.util.List;

/** The 52 ARKit blendshape names in Apple's documented order: the expression vocabulary of mimik. */
public final class Blendshapes {

  /** The 52 ARKit names, in Apple's order (eyes, mouth and jaw, brows, cheeks, nose, tongue). */
  public static final List<String> ARKIT_52 = List.of(
      "eyeBlinkLeft", "eyeLookDownLeft", "eyeLookInLeft", "eyeLookOutLeft", "eyeLookUpLeft",
      "eyeSquintLeft", "eyeWideLeft",
      "eyeBlinkRight", "eyeLookDownRight", "eyeLookInRight", "eyeLookOutRight", "eyeLookUpRight",
      "eyeSquintRight", "eyeWideRight",
      "jawForward", "jawLeft", "jawRight", "jawOpen",
      "mouthClose", "mouthFunnel", "mouthPucker", "mouthLeft", "mouthRight",
      "mouthSmileLeft", "mouthSmileRight", "mouthFrownLeft", "mouthFrownRight",
      "mouthDimpleLeft", "mouthDimpleRight", "mouthStretchLeft", "mouthStretchRight",
      "mouthRollLower", "mouthRollUpper", "mouthShrugLower", "mouthShrugUpper",
      "mouthPressLeft", "mouthPressRight", "mouthLowerDownLeft", "mouthLowerDownRight",
      "mouthUpperUpLeft", "mouthUpperUpRight",
      "browDownLeft", "browDownRight", "browInnerUp", "browOuterUpLeft", "browOuterUpRight",
      "cheekPuff", "cheekSquintLeft", "cheekSquintRight",
      "noseSneerLeft", "noseSneerRight",
      "tongueOut");

  private Blendshapes() {}

  /** Index of an ARKit name in {@link #ARKIT_52}, or -1. */
  public static int indexOf(String name) {
    return ARKIT_52.indexOf(name);
  }
}
