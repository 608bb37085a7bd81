package dev.mimik.eval.refa;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.rig.FaceRig;

/**
 * Measures what a person watching the avatar sees of its eyes and lips: how closed each eye is and how far the
 * lips are parted, on the avatar rig posed with ARKit-52 weights (only the lid and inner-lip landmark vertices are
 * evaluated). A gap is the mean height of the upper point of each pair above the lower one (the rig's +Y): lids from
 * iBUG pairs 37-41 and 38-40 (right eye), 43-47 and 44-46 (left eye), inner lips from 61-67, 62-66 and 63-65. Eye
 * closure is {@code 1 - gap / neutral gap}, clamped to [0, 1]; the lip gap is reported beyond its neutral value, in
 * millimetres.
 */
public final class AvatarGauge {

  private static final int[][] RIGHT_LIDS = {{37, 41}, {38, 40}};
  private static final int[][] LEFT_LIDS = {{43, 47}, {44, 46}};
  private static final int[][] LIPS = {{61, 67}, {62, 66}, {63, 65}};

  private final double mm;
  private final int[] vertices;
  private final double[] base;
  private final double[][] deltas;
  private final double neutralLeft;
  private final double neutralRight;
  private final double neutralLips;

  /** A gauge on {@code avatar}, a rig with ARKit-named targets and 68 landmark vertices. */
  public AvatarGauge(FaceRig avatar) {
    mm = avatar.millimetresPerUnit();
    vertices = new int[68];
    System.arraycopy(avatar.landmarkVertices(), 0, vertices, 0, 68);
    base = new double[3 * 68];
    deltas = new double[Blendshapes.ARKIT_52.size()][];
    for (int p = 0; p < 68; p++) {
      for (int a = 0; a < 3; a++) {
        base[3 * p + a] = avatar.neutral()[3 * vertices[p] + a];
      }
    }
    for (int k = 0; k < deltas.length; k++) {
      int s = avatar.shapeIndex(Blendshapes.ARKIT_52.get(k));
      if (s < 0) {
        continue;
      }
      float[] d = avatar.shapeDeltas().get(s);
      double[] out = new double[3 * 68];
      for (int p = 0; p < 68; p++) {
        for (int a = 0; a < 3; a++) {
          out[3 * p + a] = d[3 * vertices[p] + a];
        }
      }
      deltas[k] = out;
    }
    double[] zero = pose(new double[deltas.length]);
    neutralLeft = gap(zero, LEFT_LIDS);
    neutralRight = gap(zero, RIGHT_LIDS);
    neutralLips = gap(zero, LIPS);
  }

  /** How closed the subject's left ({@code left}) or right eye is, 0 open as at neutral, 1 shut. */
  public double eyeClosure(double[] arkit, boolean left) {
    double[] p = pose(arkit);
    double g = left ? gap(p, LEFT_LIDS) / neutralLeft : gap(p, RIGHT_LIDS) / neutralRight;
    return Math.max(0, Math.min(1, 1 - g));
  }

  /** How far the lips are parted beyond their neutral gap, millimetres (negative when pressed closer). */
  public double lipGapMm(double[] arkit) {
    return (gap(pose(arkit), LIPS) - neutralLips) * mm;
  }

  private double[] pose(double[] w) {
    double[] p = base.clone();
    for (int k = 0; k < deltas.length; k++) {
      if (deltas[k] == null || w[k] == 0) {
        continue;
      }
      for (int i = 0; i < p.length; i++) {
        p[i] += w[k] * deltas[k][i];
      }
    }
    return p;
  }

  /** The mean vertical opening (upper point's height above the lower one's) of the pairs, rig units. */
  private static double gap(double[] p, int[][] pairs) {
    double s = 0;
    for (int[] pair : pairs) {
      s += p[3 * pair[0] + 1] - p[3 * pair[1] + 1];
    }
    return s / pairs.length;
  }
}
