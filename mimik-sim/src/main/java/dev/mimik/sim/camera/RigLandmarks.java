package dev.mimik.sim.camera;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;

/**
 * The rig's 68 iBUG landmark vertices, and the two pupils when the rig has eyeballs (iBUG 68 and 69, as
 * {@link LandmarkSet} numbers them), for a given identity and ARKit-52 weights, in millimetres, centred on the 68
 * neutral landmarks' centroid.
 *
 * <p>Only the landmark vertices are evaluated ({@code neutral + identity + sum w_k delta_k}), so posing costs
 * 70 x 52 multiply-adds per frame whatever the mesh size. ARKit names the rig lacks contribute nothing. A pupil is
 * the eyeball vertex nearest the eyeball's pupil; where the rig's {@code eyeLook} targets turn the eyeballs (the
 * embedded rig) it follows them, and where they leave the eyeballs still (the ICT FaceKit moves only the lids) it is
 * turned about the eyeball's centre by the gaze the weights stand for ({@link Eyeball#LOOK_SIDEWAYS_DEGREES},
 * {@link Eyeball#LOOK_VERTICAL_DEGREES}).
 */
public final class RigLandmarks {

  private static final int FACE = 68;
  private static final int LOOK_OUT_LEFT = Blendshapes.indexOf("eyeLookOutLeft");
  private static final int LOOK_IN_LEFT = Blendshapes.indexOf("eyeLookInLeft");
  private static final int LOOK_OUT_RIGHT = Blendshapes.indexOf("eyeLookOutRight");
  private static final int LOOK_IN_RIGHT = Blendshapes.indexOf("eyeLookInRight");
  private static final int LOOK_UP_LEFT = Blendshapes.indexOf("eyeLookUpLeft");
  private static final int LOOK_DOWN_LEFT = Blendshapes.indexOf("eyeLookDownLeft");
  private static final int LOOK_UP_RIGHT = Blendshapes.indexOf("eyeLookUpRight");
  private static final int LOOK_DOWN_RIGHT = Blendshapes.indexOf("eyeLookDownRight");

  private final int points;
  private final double[] base;
  private final double[][] deltas = new double[Blendshapes.ARKIT_52.size()][];
  /** Eyeball centres (mm, centred) of pupils 68 (subject's right eye) and 69 when the rig's targets do not turn them. */
  private final double[][] turnAbout;

  /** Landmarks of {@code rig} for the identity weights {@code identity} (extra or missing modes count as 0). */
  public RigLandmarks(FaceRig rig, double[] identity) {
    if (rig.landmarkVertices().length != FACE) {
      throw new IllegalArgumentException("the rig has " + rig.landmarkVertices().length + " landmarks, not 68");
    }
    boolean pupils = rig.rightEye() != null && rig.leftEye() != null;
    this.points = pupils ? FACE + 2 : FACE;
    int[] lv = new int[points];
    System.arraycopy(rig.landmarkVertices(), 0, lv, 0, FACE);
    if (pupils) {
      lv[LandmarkSet.PUPIL_A] = rig.rightEye().pupilVertex(rig.neutral());
      lv[LandmarkSet.PUPIL_B] = rig.leftEye().pupilVertex(rig.neutral());
    }
    double mm = rig.millimetresPerUnit();
    this.base = new double[3 * points];
    double[] shift = new double[3 * points];
    for (int p = 0; p < points; p++) {
      for (int a = 0; a < 3; a++) {
        int v = 3 * lv[p] + a;
        double x = rig.neutral()[v];
        for (int m = 0; m < Math.min(identity.length, rig.identityDeltas().size()); m++) {
          x += identity[m] * rig.identityDeltas().get(m)[v];
        }
        base[3 * p + a] = mm * x;
        shift[3 * p + a] = base[3 * p + a] - mm * rig.neutral()[v];
      }
    }
    double[] centre = new double[3];
    for (int p = 0; p < FACE; p++) {
      for (int a = 0; a < 3; a++) {
        centre[a] += base[3 * p + a] / FACE;
      }
    }
    for (int p = 0; p < points; p++) {
      for (int a = 0; a < 3; a++) {
        base[3 * p + a] -= centre[a];
      }
    }
    boolean turned = false;
    for (int k = 0; k < deltas.length; k++) {
      int s = rig.shapeIndex(Blendshapes.ARKIT_52.get(k));
      if (s < 0) {
        continue;
      }
      float[] d = rig.shapeDeltas().get(s);
      double[] out = new double[3 * points];
      boolean moves = false;
      for (int p = 0; p < points; p++) {
        for (int a = 0; a < 3; a++) {
          out[3 * p + a] = mm * d[3 * lv[p] + a];
          moves |= out[3 * p + a] != 0;
          turned |= p >= FACE && out[3 * p + a] != 0;
        }
      }
      deltas[k] = moves ? out : null;
    }
    if (pupils && !turned) {
      // an eyeball moves with the identity as its pupil does
      turnAbout = new double[2][3];
      Eyeball[] eyes = {rig.rightEye(), rig.leftEye()};
      for (int e = 0; e < 2; e++) {
        int p = FACE + e;
        for (int a = 0; a < 3; a++) {
          turnAbout[e][a] = mm * eyes[e].centre()[a] + shift[3 * p + a] - centre[a];
        }
      }
    } else {
      turnAbout = null;
    }
  }

  /** 68, or 70 with the pupils. */
  public int pointCount() {
    return points;
  }

  /** The points {@code x0, y0, z0, x1, ...} (mm) for the 52 weights, written into {@code out}. */
  public void positions(double[] weights, double[] out) {
    System.arraycopy(base, 0, out, 0, base.length);
    for (int k = 0; k < deltas.length; k++) {
      double[] d = deltas[k];
      double w = weights[k];
      if (d == null || w == 0) {
        continue;
      }
      for (int i = 0; i < base.length; i++) {
        out[i] += w * d[i];
      }
    }
    if (turnAbout != null) {
      // ARKit's In/Out are toward the nose/temple: +X is the subject's left
      turn(out, FACE, turnAbout[0], weights[LOOK_DOWN_RIGHT] - weights[LOOK_UP_RIGHT],
          weights[LOOK_IN_RIGHT] - weights[LOOK_OUT_RIGHT]);
      turn(out, FACE + 1, turnAbout[1], weights[LOOK_DOWN_LEFT] - weights[LOOK_UP_LEFT],
          weights[LOOK_OUT_LEFT] - weights[LOOK_IN_LEFT]);
    }
  }

  private static void turn(double[] out, int p, double[] centre, double down, double toLeft) {
    double[] q = Eyeball.turned(out[3 * p] - centre[0], out[3 * p + 1] - centre[1], out[3 * p + 2] - centre[2],
        down * Eyeball.LOOK_VERTICAL_DEGREES, toLeft * Eyeball.LOOK_SIDEWAYS_DEGREES);
    for (int a = 0; a < 3; a++) {
      out[3 * p + a] = centre[a] + q[a];
    }
  }
}
