package dev.mimik.face.headset;

import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;

/**
 * Where a headset's coordinates meet a rig's: the head frame has the rig's axes, millimetres, and its origin midway
 * between the person's two eyeball centres (a headset is fitted to the eyes), so one headset description serves
 * every rig and identity. Rigs without eyeballs use the midpoint of the four eye corners, 12 mm deeper.
 *
 * @param originX origin in rig units
 * @param originY origin in rig units
 * @param originZ origin in rig units
 * @param mmPerUnit millimetres per rig unit
 */
public record HeadFrame(double originX, double originY, double originZ, double mmPerUnit) {

  private static final double CORNER_DEPTH_MM = 12;

  /** The head frame of a rig posed with identity coefficients {@code identity} (empty for the average face). */
  public static HeadFrame of(FaceRig rig, double[] identity) {
    double mm = rig.millimetresPerUnit();
    double[] c = new double[3];
    if (rig.leftEye() != null && rig.rightEye() != null) {
      for (Eyeball e : new Eyeball[] {rig.leftEye(), rig.rightEye()}) {
        double[] centre = e.centre();
        double[] shift = meanIdentityShift(rig, identity, e.vertices());
        for (int a = 0; a < 3; a++) {
          c[a] += 0.5 * (centre[a] + shift[a]);
        }
      }
    } else {
      int[] corners = {36, 39, 42, 45};
      int[] lv = new int[corners.length];
      for (int i = 0; i < corners.length; i++) {
        lv[i] = rig.landmarkVertices()[corners[i]];
      }
      for (int v : lv) {
        for (int a = 0; a < 3; a++) {
          c[a] += 0.25 * rig.neutral()[3 * v + a];
        }
      }
      double[] shift = meanIdentityShift(rig, identity, lv);
      for (int a = 0; a < 3; a++) {
        c[a] += shift[a];
      }
      c[2] -= CORNER_DEPTH_MM / mm;
    }
    return new HeadFrame(c[0], c[1], c[2], mm);
  }

  /** A rig-space coordinate of axis {@code axis} (0, 1, 2) in head-frame millimetres. */
  public double toMm(double rigCoordinate, int axis) {
    double o = axis == 0 ? originX : axis == 1 ? originY : originZ;
    return (rigCoordinate - o) * mmPerUnit;
  }

  /** Rig-space positions (flat xyz) converted into head-frame millimetres, in place into {@code out}. */
  public void toMm(float[] rig, float[] out) {
    for (int i = 0; i < rig.length; i += 3) {
      out[i] = (float) ((rig[i] - originX) * mmPerUnit);
      out[i + 1] = (float) ((rig[i + 1] - originY) * mmPerUnit);
      out[i + 2] = (float) ((rig[i + 2] - originZ) * mmPerUnit);
    }
  }

  private static double[] meanIdentityShift(FaceRig rig, double[] identity, int[] vertices) {
    double[] s = new double[3];
    for (int m = 0; m < identity.length && m < rig.identityDeltas().size(); m++) {
      float[] d = rig.identityDeltas().get(m);
      for (int v : vertices) {
        for (int a = 0; a < 3; a++) {
          s[a] += identity[m] * d[3 * v + a] / vertices.length;
        }
      }
    }
    return s;
  }
}
