package dev.mimik.sim.camera;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.rig.FaceRig;

/**
 * The rig's 68 iBUG landmark vertices for a given identity and ARKit-52 weights, in millimetres, centred on the
 * neutral landmarks' centroid.
 *
 * <p>Only the landmark vertices are evaluated ({@code neutral + identity + sum w_k delta_k}), so posing costs
 * 68 x 52 multiply-adds per frame whatever the mesh size. ARKit names the rig lacks contribute nothing.
 */
public final class RigLandmarks {

  private static final int POINTS = 68;
  private final double[] base = new double[3 * POINTS];
  private final double[][] deltas = new double[Blendshapes.ARKIT_52.size()][];

  /** Landmarks of {@code rig} for the identity weights {@code identity} (extra or missing modes count as 0). */
  public RigLandmarks(FaceRig rig, double[] identity) {
    if (rig.landmarkVertices().length != POINTS) {
      throw new IllegalArgumentException("the rig has " + rig.landmarkVertices().length + " landmarks, not 68");
    }
    double mm = rig.millimetresPerUnit();
    int[] lv = rig.landmarkVertices();
    for (int p = 0; p < POINTS; p++) {
      for (int a = 0; a < 3; a++) {
        int v = 3 * lv[p] + a;
        double x = rig.neutral()[v];
        for (int m = 0; m < Math.min(identity.length, rig.identityDeltas().size()); m++) {
          x += identity[m] * rig.identityDeltas().get(m)[v];
        }
        base[3 * p + a] = mm * x;
      }
    }
    double[] centre = new double[3];
    for (int p = 0; p < POINTS; p++) {
      for (int a = 0; a < 3; a++) {
        centre[a] += base[3 * p + a] / POINTS;
      }
    }
    for (int p = 0; p < POINTS; p++) {
      for (int a = 0; a < 3; a++) {
        base[3 * p + a] -= centre[a];
      }
    }
    for (int k = 0; k < deltas.length; k++) {
      int s = rig.shapeIndex(Blendshapes.ARKIT_52.get(k));
      if (s < 0) {
        continue;
      }
      float[] d = rig.shapeDeltas().get(s);
      double[] out = new double[3 * POINTS];
      boolean moves = false;
      for (int p = 0; p < POINTS; p++) {
        for (int a = 0; a < 3; a++) {
          out[3 * p + a] = mm * d[3 * lv[p] + a];
          moves |= out[3 * p + a] != 0;
        }
      }
      deltas[k] = moves ? out : null;
    }
  }

  /** The 68 points {@code x0, y0, z0, x1, ...} (mm) for the 52 weights, written into {@code out}. */
  public void positions(double[] weights, double[] out) {
    System.arraycopy(base, 0, out, 0, base.length);
    for (int k = 0; k < deltas.length; k++) {
      double[] d = deltas[k];
      double w = weights[k];
      if (d == null || w == 0) {
        continue;
      }
      for (int i = 0; i < out.length; i++) {
        out[i] += w * d[i];
      }
    }
  }
}
