package dev.mimik.learn.ego;

import dev.mimik.core.data.Blendshapes;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link EgoNet} outputs and in which order: for each eye (left, then right) its seven blendshapes
 * ({@link #EYE_PARTS}) and its gaze, then the face's other 38 ARKit blendshapes ({@link #FACE_SHAPES}). The eye MLP
 * sees one eye camera at a time (left views mirrored), so it speaks of "this eye" and the left and right outputs are
 * the same MLP on two views.
 *
 * <p>Gaze per eye is {@code (lookOut - lookIn, lookUp - lookDown)} of its look blendshapes, in [-1, 1]: outward and
 * upward positive in the eye's own frame.
 */
public final class EgoOutputs {

  /** The blendshapes of one eye, without their side: {@code eyeBlink} is {@code eyeBlinkLeft} for the left eye. */
  public static final List<String> EYE_PARTS = List.of("eyeBlink", "eyeSquint", "eyeWide", "eyeLookIn",
      "eyeLookOut", "eyeLookUp", "eyeLookDown");
  /** Values of one eye: its blendshapes and its gaze (horizontal, vertical). */
  public static final int PER_EYE = EYE_PARTS.size() + 2;
  /** The ARKit blendshapes the face MLP predicts: all but the eyes' own, in ARKit order. */
  public static final List<String> FACE_SHAPES;
  /** Values of the whole output. */
  public static final int SIZE;

  private static final int N = Blendshapes.ARKIT_52.size();
  /** The ARKit index of each output value that is a blendshape, -1 for gaze. */
  private static final int[] ARKIT_OF_OUTPUT;

  static {
    List<String> eyes = new ArrayList<>();
    for (String side : new String[] {"Left", "Right"}) {
      for (String part : EYE_PARTS) {
        eyes.add(part + side);
      }
    }
    FACE_SHAPES = Blendshapes.ARKIT_52.stream().filter(n -> !eyes.contains(n)).toList();
    SIZE = 2 * PER_EYE + FACE_SHAPES.size();
    ARKIT_OF_OUTPUT = new int[SIZE];
    int o = 0;
    for (String side : new String[] {"Left", "Right"}) {
      for (String part : EYE_PARTS) {
        ARKIT_OF_OUTPUT[o++] = Blendshapes.indexOf(part + side);
      }
      ARKIT_OF_OUTPUT[o++] = -1;
      ARKIT_OF_OUTPUT[o++] = -1;
    }
    for (String name : FACE_SHAPES) {
      ARKIT_OF_OUTPUT[o++] = Blendshapes.indexOf(name);
    }
  }

  private EgoOutputs() {}

  /** The network's target for ARKit-52 weights: the blendshapes in output order with each eye's gaze made from them. */
  public static float[] target(double[] arkit) {
    if (arkit.length != N) {
      throw new IllegalArgumentException(N + " ARKit weights expected, not " + arkit.length);
    }
    float[] t = new float[SIZE];
    for (int o = 0; o < SIZE; o++) {
      if (ARKIT_OF_OUTPUT[o] >= 0) {
        t[o] = (float) arkit[ARKIT_OF_OUTPUT[o]];
      }
    }
    for (int eye = 0; eye < 2; eye++) {
      int base = eye * PER_EYE;
      t[base + 7] = t[base + 4] - t[base + 3];
      t[base + 8] = t[base + 5] - t[base + 6];
    }
    return t;
  }

  /** The ARKit-52 weights of an output, each clamped to [0, 1]. */
  public static double[] blendshapes(float[] output, int offset) {
    double[] w = new double[N];
    for (int o = 0; o < SIZE; o++) {
      int k = ARKIT_OF_OUTPUT[o];
      if (k >= 0) {
        w[k] = Math.max(0, Math.min(1, output[offset + o]));
      }
    }
    return w;
  }

  /** The gaze of an output: left horizontal, left vertical, right horizontal, right vertical, each in [-1, 1]. */
  public static double[] gaze(float[] output, int offset) {
    double[] g = new double[4];
    for (int eye = 0; eye < 2; eye++) {
      for (int a = 0; a < 2; a++) {
        g[2 * eye + a] = Math.max(-1, Math.min(1, output[offset + eye * PER_EYE + 7 + a]));
      }
    }
    return g;
  }
}
