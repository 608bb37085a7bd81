package dev.mimik.face.render;

import dev.mimik.face.camera.HeadPose;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * A face's two eyeballs for the renderer: which triangles are theirs, where they look, and, for rigs whose
 * {@code eyeLook*} targets leave the eyeballs still (ICT FaceKit), how they turn: {@value #GAZE_SIDEWAYS_DEG} degrees
 * sideways and {@value #GAZE_VERTICAL_DEG} up or down at weight 1, the embedded rig's own angles.
 */
final class Eyeballs {

  static final double GAZE_SIDEWAYS_DEG = 28;
  static final double GAZE_VERTICAL_DEG = 22;
  private static final double IRIS_RADIUS_MM = 5.9;

  final Eye left;
  final Eye right;

  /** The eyeballs of {@code rig} for a person whose neutral face is {@code restMm} (head frame, mm). */
  Eyeballs(FaceRig rig, float[] restMm, FaceLook look) {
    boolean turnHere = rig.leftEye() != null && !gazeTargetsMoveEyeballs(rig);
    left = rig.leftEye() == null ? null
        : new Eye(rig, rig.leftEye(), restMm, SurfaceMesh.EYE_LEFT, turnHere, look);
    right = rig.rightEye() == null ? null
        : new Eye(rig, rig.rightEye(), restMm, SurfaceMesh.EYE_RIGHT, turnHere, look);
  }

  byte[] materials(int[] triangles) {
    byte[] m = new byte[triangles.length / 3];
    for (Eye e : new Eye[] {left, right}) {
      if (e == null) {
        continue;
      }
      for (int t = 0; t < m.length; t++) {
        if (e.owns(triangles[3 * t]) && e.owns(triangles[3 * t + 1]) && e.owns(triangles[3 * t + 2])) {
          m[t] = e.material;
        }
      }
    }
    return m;
  }

  List<EyeGeometry> pose(double[] weights, float[] mm) {
    List<EyeGeometry> out = new ArrayList<>(2);
    for (Eye e : new Eye[] {left, right}) {
      if (e != null) {
        out.add(e.pose(weights, mm));
      }
    }
    return out;
  }

  private static boolean gazeTargetsMoveEyeballs(FaceRig rig) {
    int k = rig.shapeIndex("eyeLookOutLeft");
    if (k < 0) {
      return false;
    }
    float[] d = rig.shapeDeltas().get(k);
    for (int v : rig.leftEye().vertices()) {
      if (d[3 * v] != 0 || d[3 * v + 1] != 0 || d[3 * v + 2] != 0) {
        return true;
      }
    }
    return false;
  }

  /** One eyeball: its vertices, centre, pole vertex and, where the rig does not, how it turns with the gaze. */
  static final class Eye {
    final byte material;
    final double[] centreMm;
    final double radiusMm;
    final int pole;
    final boolean[] owned;
    final int[] vertices;
    final boolean turnHere;
    final double irisCos;
    final double pupilCos;
    final double irisAlbedo;
    final double scleraAlbedo;
    final int out;
    final int in;
    final int up;
    final int down;
    final double inwardSign;

    Eye(FaceRig rig, Eyeball eye, float[] restMm, byte material, boolean turnHere, FaceLook look) {
      this.material = material;
      this.vertices = eye.vertices();
      this.turnHere = turnHere;
      this.owned = new boolean[rig.vertexCount()];
      double[] c = new double[3];
      for (int v : vertices) {
        owned[v] = true;
      }
      // the centre moves with the identity like the eyeball's vertices: use the rest mesh
      double[] rigCentre = eye.centre();
      double[] shift = new double[3];
      int count = 0;
      for (int v : vertices) {
        for (int a = 0; a < 3; a++) {
          shift[a] += restMm[3 * v + a];
        }
        count++;
      }
      double[] neutralMean = new double[3];
      for (int v : vertices) {
        for (int a = 0; a < 3; a++) {
          neutralMean[a] += rig.neutral()[3 * v + a];
        }
      }
      double mm = rig.millimetresPerUnit();
      for (int a = 0; a < 3; a++) {
        // rest-mesh mean minus neutral mean (in mm) is the identity's shift of the eyeball
        double neutralMeanMm = neutralMean[a] / count;
        c[a] = shift[a] / count - (neutralMeanMm - rigCentre[a]) * mm;
      }
      this.centreMm = c;
      this.radiusMm = eye.radius() * mm;
      int best = vertices[0];
      double bestDot = -2;
      double[] axis = eye.axis();
      for (int v : vertices) {
        double dx = restMm[3 * v] - c[0];
        double dy = restMm[3 * v + 1] - c[1];
        double dz = restMm[3 * v + 2] - c[2];
        double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double dot = (dx * axis[0] + dy * axis[1] + dz * axis[2]) / Math.max(1e-9, len);
        if (dot > bestDot) {
          bestDot = dot;
          best = v;
        }
      }
      this.pole = best;
      this.irisCos = Math.sqrt(Math.max(0, 1 - sq(IRIS_RADIUS_MM / radiusMm)));
      this.pupilCos = Math.sqrt(Math.max(0, 1 - sq(look.pupilRadiusMm() / radiusMm)));
      this.irisAlbedo = look.irisAlbedo();
      this.scleraAlbedo = look.scleraAlbedo();
      boolean isLeft = material == SurfaceMesh.EYE_LEFT;
      String s = isLeft ? "Left" : "Right";
      this.out = rig.shapeIndex("eyeLookOut" + s);
      this.in = rig.shapeIndex("eyeLookIn" + s);
      this.up = rig.shapeIndex("eyeLookUp" + s);
      this.down = rig.shapeIndex("eyeLookDown" + s);
      // "in" turns an eye toward the nose: -X for the left eye, +X for the right
      this.inwardSign = isLeft ? -1 : 1;
    }

    boolean owns(int v) {
      return owned[v];
    }

    /** Turns the eyeball's vertices in {@code mm} if the rig does not, and returns its posed geometry. */
    EyeGeometry pose(double[] weights, float[] mm) {
      if (turnHere) {
        double yaw = GAZE_SIDEWAYS_DEG * (inwardSign * w(weights, in) - inwardSign * w(weights, out));
        double pitch = GAZE_VERTICAL_DEG * (w(weights, down) - w(weights, up));
        rotate(mm, pitch, yaw);
      }
      double gx = mm[3 * pole] - centreMm[0];
      double gy = mm[3 * pole + 1] - centreMm[1];
      double gz = mm[3 * pole + 2] - centreMm[2];
      double len = Math.sqrt(gx * gx + gy * gy + gz * gz);
      return new EyeGeometry(material, centreMm.clone(), new double[] {gx / len, gy / len, gz / len}, radiusMm,
          irisCos, pupilCos, irisAlbedo, scleraAlbedo);
    }

    private static double w(double[] weights, int k) {
      return k < 0 ? 0 : weights[k];
    }

    /** Pitch about +X (positive looks down), then yaw about +Y (positive looks toward +X), about the centre. */
    private void rotate(float[] mm, double pitchDeg, double yawDeg) {
      if (pitchDeg == 0 && yawDeg == 0) {
        return;
      }
      HeadPose turn = HeadPose.ofEulerDegrees(yawDeg, pitchDeg, 0, centreMm[0], centreMm[1], centreMm[2]);
      for (int v : vertices) {
        Vector3D p = turn.apply(new Vector3D(mm[3 * v] - centreMm[0], mm[3 * v + 1] - centreMm[1],
            mm[3 * v + 2] - centreMm[2]));
        mm[3 * v] = (float) p.getX();
        mm[3 * v + 1] = (float) p.getY();
        mm[3 * v + 2] = (float) p.getZ();
      }
    }

    private static double sq(double x) {
      return x * x;
    }
  }
}
