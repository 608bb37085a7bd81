package dev.mimik.sim.camera;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal landmark-only face rig: the 68 iBUG points of an average adult face (millimetres, glTF axes) plus two
 * pupil vertices, with the ARKit shapes that move landmarks and four identity modes.
 *
 * <p>A test fixture with hand-checkable geometry; the simulator's real rig is {@code EmbeddedRig}. Vertex {@code i} is iBUG landmark {@code i}; 68 and 69 are the
 * left and right pupils. Shapes move only the landmarks that the corresponding FACS action moves.
 */
public final class SketchRig {

  private static final int V = 70;

  private SketchRig() {}

  /** Builds the sketch rig. */
  public static FaceRig build() {
    float[] n = new float[3 * V];
    for (int i = 0; i < 17; i++) {
      double phi = Math.PI * i / 16;
      set(n, i, -70 * Math.cos(phi), -10 - 105 * Math.sin(phi), -40 + 50 * Math.sin(phi));
    }
    double[][] brow = {{-55, 20, 2}, {-45, 26, 8}, {-34, 28, 12}, {-23, 27, 15}, {-12, 24, 17}};
    for (int i = 0; i < 5; i++) {
      set(n, 17 + i, brow[i][0], brow[i][1], brow[i][2]);
      set(n, 26 - i, -brow[i][0], brow[i][1], brow[i][2]);
    }
    double[][] nose = {{0, 5, 15}, {0, -8, 20}, {0, -20, 27}, {0, -32, 33}, {-14, -40, 18}, {-7, -42, 22},
        {0, -43, 24}, {7, -42, 22}, {14, -40, 18}};
    for (int i = 0; i < nose.length; i++) {
      set(n, 27 + i, nose[i][0], nose[i][1], nose[i][2]);
    }
    double[][] eye = {{-45, 0, 5}, {-37, 5, 9}, {-27, 5, 9}, {-19, 0, 7}, {-27, -4, 9}, {-37, -4, 9}};
    int[] mirror = {45, 44, 43, 42, 47, 46};
    for (int i = 0; i < 6; i++) {
      set(n, 36 + i, eye[i][0], eye[i][1], eye[i][2]);
      set(n, mirror[i], -eye[i][0], eye[i][1], eye[i][2]);
    }
    double[][] mouth = {{-25, -65, 12}, {-16, -60, 17}, {-7, -57, 19}, {0, -58, 20}, {7, -57, 19}, {16, -60, 17},
        {25, -65, 12}, {16, -71, 17}, {7, -74, 19}, {0, -75, 20}, {-7, -74, 19}, {-16, -71, 17},
        {-20, -65, 14}, {-8, -63, 18}, {0, -63, 18}, {8, -63, 18}, {20, -65, 14}, {8, -67, 18}, {0, -67, 18},
        {-8, -67, 18}};
    for (int i = 0; i < mouth.length; i++) {
      set(n, 48 + i, mouth[i][0], mouth[i][1], mouth[i][2]);
    }
    set(n, 68, 32, 0, 12);
    set(n, 69, -32, 0, 12);

    List<String> names = new ArrayList<>();
    List<float[]> deltas = new ArrayList<>();
    for (String side : new String[] {"Left", "Right"}) {
      int s = side.equals("Left") ? 1 : -1;
      int[] upperLid = s > 0 ? new int[] {43, 44} : new int[] {37, 38};
      int[] lowerLid = s > 0 ? new int[] {46, 47} : new int[] {40, 41};
      int[] browIn = s > 0 ? new int[] {22, 23, 24} : new int[] {21, 20, 19};
      int[] browOut = s > 0 ? new int[] {24, 25, 26} : new int[] {19, 18, 17};
      int corner = s > 0 ? 54 : 48;
      int innerCorner = s > 0 ? 64 : 60;
      int[] upperLip = s > 0 ? new int[] {52, 53} : new int[] {50, 49};
      int[] lowerLip = s > 0 ? new int[] {55, 56} : new int[] {59, 58};
      shape(names, deltas, "eyeBlink" + side, d -> move(d, upperLid, 0, -8.5, 0));
      shape(names, deltas, "eyeWide" + side, d -> move(d, upperLid, 0, 2.5, 0));
      shape(names, deltas, "eyeSquint" + side, d -> {
        move(d, lowerLid, 0, 2, 0);
        move(d, upperLid, 0, -2, 0);
      });
      shape(names, deltas, "cheekSquint" + side, d -> move(d, lowerLid, 0, 2.5, 0));
      shape(names, deltas, "browDown" + side, d -> move(d, browIn, -2 * s, -5, 0));
      shape(names, deltas, "browOuterUp" + side, d -> move(d, browOut, 0, 6, 0));
      shape(names, deltas, "mouthSmile" + side, d -> move(d, new int[] {corner, innerCorner}, 6 * s, 6, -2));
      shape(names, deltas, "mouthFrown" + side, d -> move(d, new int[] {corner, innerCorner}, 0, -5, 0));
      shape(names, deltas, "mouthStretch" + side, d -> move(d, new int[] {corner, innerCorner}, 6 * s, -2, 0));
      shape(names, deltas, "mouthUpperUp" + side, d -> move(d, upperLip, 0, 4, 0));
      shape(names, deltas, "mouthLowerDown" + side, d -> move(d, lowerLip, 0, -4, 0));
      shape(names, deltas, "mouthPress" + side, d -> move(d, new int[] {s > 0 ? 63 : 61, s > 0 ? 65 : 67}, 0, 0, -1));
      shape(names, deltas, "noseSneer" + side, d -> move(d, new int[] {s > 0 ? 35 : 31, s > 0 ? 34 : 32}, 0, 3, 0));
    }
    shape(names, deltas, "browInnerUp", d -> {
      move(d, new int[] {21, 22}, 0, 6, 0);
      move(d, new int[] {20, 23}, 0, 3, 0);
    });
    shape(names, deltas, "jawOpen", d -> {
      for (int i = 3; i <= 13; i++) {
        double f = Math.sin(Math.PI * (i - 2) / 12);
        move(d, new int[] {i}, 0, -20 * f, -3 * f);
      }
      move(d, new int[] {55, 56, 57, 58, 59, 65, 66, 67}, 0, -18, -2);
    });
    shape(names, deltas, "mouthPucker", d -> {
      move(d, new int[] {54, 64}, -7, 0, 5);
      move(d, new int[] {48, 60}, 7, 0, 5);
    });
    shape(names, deltas, "mouthFunnel", d -> {
      move(d, new int[] {54, 64}, -5, 0, 4);
      move(d, new int[] {48, 60}, 5, 0, 4);
      move(d, new int[] {61, 62, 63}, 0, 2, 3);
      move(d, new int[] {65, 66, 67}, 0, -2, 3);
    });
    shape(names, deltas, "mouthClose", d -> move(d, new int[] {65, 66, 67}, 0, 3, 0));
    shape(names, deltas, "mouthRollLower", d -> move(d, new int[] {56, 57, 58}, 0, 2, -3));
    shape(names, deltas, "mouthRollUpper", d -> move(d, new int[] {50, 51, 52}, 0, -2, -3));
    shape(names, deltas, "mouthShrugLower", d -> move(d, new int[] {56, 57, 58, 7, 8, 9}, 0, 3, 1));
    shape(names, deltas, "mouthShrugUpper", d -> move(d, new int[] {50, 51, 52}, 0, 2, 1));
    for (String missing : Blendshapes.ARKIT_52) {
      if (!names.contains(missing)) {
        shape(names, deltas, missing, d -> { });
      }
    }

    List<String> idNames = List.of("faceWidth", "faceLength", "eyeSpacing", "mouthWidth");
    List<float[]> ids = new ArrayList<>();
    ids.add(scaled(n, 0.05, 0, 0, 68));
    ids.add(scaled(n, 0, 0.05, 0, 68));
    float[] eyes = new float[3 * V];
    for (int i = 17; i < 48; i++) {
      if (i < 27 || i >= 36) {
        eyes[3 * i] = (float) (2.5 * Math.signum(n[3 * i]));
      }
    }
    eyes[3 * 68] = 2.5f;
    eyes[3 * 69] = -2.5f;
    ids.add(eyes);
    ids.add(scaled(n, 0.08, 0, 48, 68));

    int[] landmarks = new int[68];
    for (int i = 0; i < 68; i++) {
      landmarks[i] = i;
    }
    return new FaceRig("mimik-sketch", n, new int[0], names, deltas, idNames, ids, landmarks,
        new Eyeball(new double[] {32, 0, 0}, 12, new double[] {0, 0, 1}, new int[] {68}),
        new Eyeball(new double[] {-32, 0, 0}, 12, new double[] {0, 0, 1}, new int[] {69}), 1.0);
  }

  private interface Delta {
    void fill(float[] d);
  }

  private static void shape(List<String> names, List<float[]> deltas, String name, Delta delta) {
    float[] d = new float[3 * V];
    delta.fill(d);
    names.add(name);
    deltas.add(d);
  }

  private static void move(float[] d, int[] vertices, double dx, double dy, double dz) {
    for (int v : vertices) {
      d[3 * v] += (float) dx;
      d[3 * v + 1] += (float) dy;
      d[3 * v + 2] += (float) dz;
    }
  }

  private static float[] scaled(float[] n, double sx, double sy, int from, int to) {
    float[] d = new float[3 * V];
    double cy = -40;
    for (int i = from; i < to; i++) {
      d[3 * i] = (float) (sx * n[3 * i]);
      d[3 * i + 1] = (float) (sy * (n[3 * i + 1] - cy));
    }
    return d;
  }

  private static void set(float[] n, int v, double x, double y, double z) {
    n[3 * v] = (float) x;
    n[3 * v + 1] = (float) y;
    n[3 * v + 2] = (float) z;
  }
}
