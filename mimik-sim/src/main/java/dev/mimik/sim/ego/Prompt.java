package dev.mimik.sim.ego;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.PromptSegment.Eyes;
import dev.mimik.core.data.PromptSegment.Lips;
import dev.mimik.sim.performance.PosedFace;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The peak expressions of the headset protocol and how the simulator performs each: its ARKit-52 apex with the
 * co-activations a face adds (jaw drops lift the brows a little, smiles narrow the eyes, winks pull the cheek), the
 * eye and lip state the request implies, and whether the intensity is graded (eye closure is not: a closed eye is
 * closed). This is the simulator's model of a person, kept apart from the art priors an animator writes
 * ({@code core.io.csv.ArtPriorsCsv}).
 */
public enum Prompt implements PosedFace {
  JAW_DROP(Eyes.OPEN, Lips.OPEN, "jawOpen", 0.95, "mouthLowerDown", 0.3, "mouthStretch", 0.1, "browInnerUp", 0.15,
      "eyeWide", 0.1),
  SMILE_OPEN(Eyes.OPEN, Lips.OPEN, "mouthSmile", 0.9, "cheekSquint", 0.55, "eyeSquint", 0.3, "jawOpen", 0.35,
      "mouthUpperUp", 0.25, "mouthLowerDown", 0.2),
  SMILE_CLOSED(Eyes.OPEN, Lips.CLOSED, "mouthSmile", 0.85, "cheekSquint", 0.5, "eyeSquint", 0.25, "mouthPress", 0.2),
  BROWS_UP(Eyes.OPEN, Lips.CLOSED, "browInnerUp", 0.9, "browOuterUp", 0.85, "eyeWide", 0.35),
  FROWN(Eyes.OPEN, Lips.CLOSED, "browDown", 0.9, "eyeSquint", 0.3, "noseSneer", 0.15, "mouthPress", 0.1),
  EYES_CLOSED(Eyes.CLOSED, Lips.CLOSED, "eyeBlink", 1.0, "cheekSquint", 0.05),
  EYES_SQUEEZE(Eyes.CLOSED, Lips.CLOSED, "eyeBlink", 1.0, "eyeSquint", 0.7, "cheekSquint", 0.5, "browDown", 0.4,
      "noseSneer", 0.25),
  WINK_LEFT(Eyes.LEFT_CLOSED, Lips.CLOSED, "eyeBlinkLeft", 1.0, "eyeSquintLeft", 0.5, "cheekSquintLeft", 0.45,
      "mouthSmileLeft", 0.25, "eyeSquintRight", 0.15),
  WINK_RIGHT(Eyes.RIGHT_CLOSED, Lips.CLOSED, "eyeBlinkRight", 1.0, "eyeSquintRight", 0.5, "cheekSquintRight",
      0.45, "mouthSmileRight", 0.25, "eyeSquintLeft", 0.15),
  EYES_WIDE(Eyes.OPEN, Lips.CLOSED, "eyeWide", 0.9, "browOuterUp", 0.4, "browInnerUp", 0.3),
  PUCKER(Eyes.OPEN, Lips.CLOSED, "mouthPucker", 0.9, "mouthFunnel", 0.15, "mouthClose", 0.1),
  FUNNEL(Eyes.OPEN, Lips.OPEN, "mouthFunnel", 0.85, "jawOpen", 0.25, "mouthPucker", 0.2),
  CHEEKS_PUFF(Eyes.OPEN, Lips.CLOSED, "cheekPuff", 0.9, "mouthPress", 0.15, "mouthPucker", 0.1),
  LIPS_PRESS(Eyes.OPEN, Lips.CLOSED, "mouthPress", 0.8, "mouthRollLower", 0.3, "mouthShrugLower", 0.3),
  LIPS_ROLL(Eyes.OPEN, Lips.CLOSED, "mouthRollLower", 0.8, "mouthRollUpper", 0.7, "mouthPress", 0.2),
  MOUTH_LEFT(Eyes.OPEN, Lips.CLOSED, "mouthLeft", 0.85, "jawLeft", 0.25, "mouthPressLeft", 0.1),
  MOUTH_RIGHT(Eyes.OPEN, Lips.CLOSED, "mouthRight", 0.85, "jawRight", 0.25, "mouthPressRight", 0.1),
  SNEER(Eyes.OPEN, Lips.ANY, "noseSneer", 0.85, "mouthUpperUp", 0.5, "browDown", 0.3, "cheekSquint", 0.2),
  SAD(Eyes.OPEN, Lips.CLOSED, "mouthFrown", 0.8, "mouthShrugLower", 0.5, "browInnerUp", 0.55, "browDown", 0.15),
  STRETCH(Eyes.OPEN, Lips.ANY, "mouthStretch", 0.85, "jawOpen", 0.2, "mouthLowerDown", 0.2),
  SMILE_LEFT(Eyes.OPEN, Lips.CLOSED, "mouthSmileLeft", 0.85, "cheekSquintLeft", 0.4, "eyeSquintLeft", 0.2,
      "mouthDimpleLeft", 0.15),
  SMILE_RIGHT(Eyes.OPEN, Lips.CLOSED, "mouthSmileRight", 0.85, "cheekSquintRight", 0.4, "eyeSquintRight", 0.2,
      "mouthDimpleRight", 0.15),
  BROW_UP_LEFT(Eyes.OPEN, Lips.CLOSED, "browOuterUpLeft", 0.9, "browInnerUp", 0.3, "eyeWideLeft", 0.2),
  BROW_UP_RIGHT(Eyes.OPEN, Lips.CLOSED, "browOuterUpRight", 0.9, "browInnerUp", 0.3, "eyeWideRight", 0.2),
  JAW_LEFT(Eyes.OPEN, Lips.ANY, "jawLeft", 0.8, "jawOpen", 0.2, "mouthLeft", 0.2),
  JAW_RIGHT(Eyes.OPEN, Lips.ANY, "jawRight", 0.8, "jawOpen", 0.2, "mouthRight", 0.2),
  JAW_FORWARD(Eyes.OPEN, Lips.ANY, "jawForward", 0.8, "jawOpen", 0.15, "mouthClose", 0.05);

  private final Eyes eyes;
  private final Lips lips;
  private final boolean graded;
  private final double[] apex;

  Prompt(Eyes eyes, Lips lips, Object... shapes) {
    this.eyes = eyes;
    this.lips = lips;
    this.graded = eyes == Eyes.OPEN || eyes == Eyes.ANY;
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < shapes.length; i += 2) {
      m.put((String) shapes[i], (Double) shapes[i + 1]);
    }
    this.apex = new double[Blendshapes.ARKIT_52.size()];
    m.forEach((name, value) -> {
      int both = Blendshapes.indexOf(name);
      if (both >= 0) {
        apex[both] = value;
      } else {
        apex[index(name + "Left")] = value;
        apex[index(name + "Right")] = value;
      }
    });
  }

  private static int index(String name) {
    int k = Blendshapes.indexOf(name);
    if (k < 0) {
      throw new IllegalStateException("not an ARKit name: " + name);
    }
    return k;
  }

  /** The label in files, e.g. {@code jaw_drop}. */
  @Override
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The apex in ARKit-52 order (a copy). */
  @Override
  public double[] apex() {
    return apex.clone();
  }

  /** The eye state the prompt asks for. */
  public Eyes eyes() {
    return eyes;
  }

  /** The lip state the prompt asks for. */
  public Lips lips() {
    return lips;
  }

  /**
   * Whether the whole performance scales with intensity; in prompts that close an eye (closed eyes, winks) the
   * eyeBlink of the closed eye stays at 1 while the rest of the expression is graded.
   */
  @Override
  public boolean graded() {
    return graded;
  }
}
