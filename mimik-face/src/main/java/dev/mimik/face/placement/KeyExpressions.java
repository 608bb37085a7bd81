package dev.mimik.face.placement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key expressions Range of Motion is measured over (REFA used 30 from its scan model): single and combined
 * ARKit shapes at full activation covering brows, lids, gaze, cheeks, nose, jaw and lips, both sides.
 */
public final class KeyExpressions {

  private KeyExpressions() {}

  /** Expression name to ARKit weights. */
  public static Map<String, Map<String, Double>> all() {
    Map<String, Map<String, Double>> m = new LinkedHashMap<>();
    m.put("jaw open", Map.of("jawOpen", 1.0));
    m.put("jaw left", Map.of("jawLeft", 1.0, "jawOpen", 0.2));
    m.put("jaw right", Map.of("jawRight", 1.0, "jawOpen", 0.2));
    m.put("smile", Map.of("mouthSmileLeft", 1.0, "mouthSmileRight", 1.0, "cheekSquintLeft", 0.5,
        "cheekSquintRight", 0.5));
    m.put("smile left", Map.of("mouthSmileLeft", 1.0));
    m.put("frown", Map.of("mouthFrownLeft", 1.0, "mouthFrownRight", 1.0));
    m.put("pucker", Map.of("mouthPucker", 1.0));
    m.put("funnel", Map.of("mouthFunnel", 1.0, "jawOpen", 0.2));
    m.put("stretch", Map.of("mouthStretchLeft", 1.0, "mouthStretchRight", 1.0));
    m.put("press", Map.of("mouthPressLeft", 1.0, "mouthPressRight", 1.0));
    m.put("lips roll", Map.of("mouthRollLower", 1.0, "mouthRollUpper", 1.0));
    m.put("mouth left", Map.of("mouthLeft", 1.0));
    m.put("upper lip up", Map.of("mouthUpperUpLeft", 1.0, "mouthUpperUpRight", 1.0));
    m.put("cheek puff", Map.of("cheekPuff", 1.0));
    m.put("sneer", Map.of("noseSneerLeft", 1.0, "noseSneerRight", 1.0));
    m.put("brows up", Map.of("browInnerUp", 1.0, "browOuterUpLeft", 1.0, "browOuterUpRight", 1.0));
    m.put("brows down", Map.of("browDownLeft", 1.0, "browDownRight", 1.0));
    m.put("inner brows up", Map.of("browInnerUp", 1.0));
    m.put("blink", Map.of("eyeBlinkLeft", 1.0, "eyeBlinkRight", 1.0));
    m.put("wink left", Map.of("eyeBlinkLeft", 1.0));
    m.put("squint", Map.of("eyeSquintLeft", 1.0, "eyeSquintRight", 1.0));
    m.put("eyes wide", Map.of("eyeWideLeft", 1.0, "eyeWideRight", 1.0));
    m.put("look up", Map.of("eyeLookUpLeft", 1.0, "eyeLookUpRight", 1.0));
    m.put("look down", Map.of("eyeLookDownLeft", 1.0, "eyeLookDownRight", 1.0));
    m.put("look left", Map.of("eyeLookOutLeft", 1.0, "eyeLookInRight", 1.0));
    return m;
  }
}
