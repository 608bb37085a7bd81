package dev.mimik.face.rig.embedded;

import static dev.mimik.face.rig.embedded.FaceAnatomy.bump;
import static dev.mimik.face.rig.embedded.FaceAnatomy.bump2;
import static dev.mimik.face.rig.embedded.FaceAnatomy.leftSide;
import static dev.mimik.face.rig.embedded.FaceAnatomy.smoothstep;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.rig.Eyeball;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * mimik's ARKit-52 expression targets on the canonical face, painted as smooth displacement fields (centimetres)
 * over the neutral face: the jaw rotates about a hinge in front of the ears, lids slide along their contours onto
 * each other, mouth corners and brows move in Gaussian neighbourhoods, eyeballs rotate rigidly. Left and right
 * are the subject's (+X is left). {@code tongueOut} is empty: the mesh has no tongue.
 */
final class ExpressionTargets {

  /** A displacement of a face vertex at neutral position (x, y, z). */
  private interface Field {
    void displace(double x, double y, double z, double[] out);
  }

  /** Displacements shorter than this (1 micrometre) are set to exactly 0. */
  private static final double NEGLIGIBLE = 1e-4;
  private static final double JAW_OPEN_RADIANS = Math.toRadians(16);
  private static final double[] JAW_HINGE = {0, 0.5, -2.0};
  private static final double GAZE_SIDEWAYS_DEGREES = Eyeball.LOOK_SIDEWAYS_DEGREES;
  private static final double GAZE_VERTICAL_DEGREES = Eyeball.LOOK_VERTICAL_DEGREES;

  private final FaceAnatomy a;
  private final Lids rightLids;
  private final Lids leftLids;

  private ExpressionTargets(FaceAnatomy anatomy) {
    this.a = anatomy;
    this.rightLids = new Lids(anatomy, FaceAnatomy.RIGHT_UPPER_LID, FaceAnatomy.RIGHT_LOWER_LID);
    this.leftLids = new Lids(anatomy, FaceAnatomy.LEFT_UPPER_LID, FaceAnatomy.LEFT_LOWER_LID);
  }

  /**
   * The 52 targets in {@link Blendshapes#ARKIT_52} order for a mesh whose first {@code faceVertices} vertices are
   * the canonical face and whose eyeballs are given.
   */
  static List<float[]> build(FaceAnatomy anatomy, float[] mesh, int faceVertices, Eyeball left, Eyeball right) {
    ExpressionTargets t = new ExpressionTargets(anatomy);
    Map<String, float[]> byName = new HashMap<>();
    t.faceFields().forEach((name, field) -> byName.put(name, paint(field, mesh, faceVertices)));
    t.addGaze(byName, mesh, left, right);
    List<float[]> out = new ArrayList<>();
    for (String name : Blendshapes.ARKIT_52) {
      float[] d = byName.get(name);
      if (d == null) {
        throw new IllegalStateException("no target authored for " + name);
      }
      out.add(d);
    }
    return out;
  }

  private static float[] paint(Field f, float[] mesh, int faceVertices) {
    float[] d = new float[mesh.length];
    double[] o = new double[3];
    for (int i = 0; i < faceVertices; i++) {
      o[0] = o[1] = o[2] = 0;
      f.displace(mesh[3 * i], mesh[3 * i + 1], mesh[3 * i + 2], o);
      if (o[0] * o[0] + o[1] * o[1] + o[2] * o[2] < NEGLIGIBLE * NEGLIGIBLE) {
        continue; // keeps targets sparse: the Gaussian tails far from a feature are dropped
      }
      d[3 * i] = (float) o[0];
      d[3 * i + 1] = (float) o[1];
      d[3 * i + 2] = (float) o[2];
    }
    return d;
  }

  private Map<String, Field> faceFields() {
    Map<String, Field> m = new HashMap<>();
    for (int side : new int[] {-1, 1}) {
      String s = side > 0 ? "Left" : "Right";
      Lids lids = side > 0 ? leftLids : rightLids;
      m.put("eyeBlink" + s, (x, y, z, o) -> lids.move(x, y, -0.93, 0.07, 0.22, o));
      m.put("eyeSquint" + s, (x, y, z, o) -> {
        lids.move(x, y, -0.12, 0.30, 0.05, o);
        o[1] += 0.25 * bump2(x, y, side * 3.3, 1.1, 1.2, 0.6);
      });
      m.put("eyeWide" + s, (x, y, z, o) -> lids.move(x, y, 0.40, -0.08, 0, o));
      m.put("eyeLookDown" + s, (x, y, z, o) -> lids.move(x, y, -0.30, -0.10, 0.08, o));
      m.put("eyeLookUp" + s, (x, y, z, o) -> lids.move(x, y, 0.18, 0.05, 0, o));
      m.put("eyeLookIn" + s, (x, y, z, o) -> { });
      m.put("eyeLookOut" + s, (x, y, z, o) -> { });
      m.put("browDown" + s, (x, y, z, o) -> {
        double w = bump2(x, y, side * 3.4, 4.9, 2.2, 0.9) * side(side, x);
        o[0] -= side * 0.18 * w;
        o[1] -= 0.75 * w;
        o[2] += 0.08 * w;
      });
      m.put("browOuterUp" + s, (x, y, z, o) ->
          o[1] += 0.90 * bump2(x, y, side * 5.0, 4.7, 1.5, 1.3) * side(side, x));
      m.put("cheekSquint" + s, (x, y, z, o) -> {
        double w = bump2(x, y, side * 3.6, 0.9, 1.3, 0.8);
        o[1] += 0.30 * w;
        o[2] += 0.10 * w;
      });
      m.put("noseSneer" + s, (x, y, z, o) -> {
        double w = bump(x, y, z, side * 1.4, 0.4, 5.6, 0.9) * side(side, x);
        o[1] += 0.55 * w;
        o[2] += 0.05 * w;
        o[1] += 0.12 * bump2(x, y, side * 1.0, -3.2, 0.8, 0.6) * side(side, x);
      });
      m.put("mouthSmile" + s, (x, y, z, o) -> corner(side, x, y, z, 0.50, 0.60, -0.35, o));
      m.put("mouthFrown" + s, (x, y, z, o) -> corner(side, x, y, z, 0.05, -0.55, 0, o));
      m.put("mouthDimple" + s, (x, y, z, o) -> corner(side, x, y, z, 0.25, 0.05, -0.35, o));
      m.put("mouthStretch" + s, (x, y, z, o) -> corner(side, x, y, z, 0.80, -0.40, -0.20, o));
      m.put("mouthPress" + s, (x, y, z, o) -> {
        double w = lips(x, y) * side(side, x);
        double jaw = a.jawWeight(x, y);
        o[1] += 0.10 * w * (2 * jaw - 1);
        o[2] -= 0.15 * w;
      });
      m.put("mouthLowerDown" + s, (x, y, z, o) ->
          o[1] -= 0.45 * lips(x, y) * a.jawWeight(x, y) * side(side, x));
      m.put("mouthUpperUp" + s, (x, y, z, o) ->
          o[1] += 0.45 * lips(x, y) * (1 - a.jawWeight(x, y)) * side(side, x));
    }
    m.put("browInnerUp", (x, y, z, o) -> {
      o[1] += 0.95 * (bump2(x, y, 1.5, 5.0, 1.1, 1.2) + bump2(x, y, -1.5, 5.0, 1.1, 1.2));
      o[0] += 0.08 * (bump2(x, y, 1.5, 5.0, 1.1, 1.2) - bump2(x, y, -1.5, 5.0, 1.1, 1.2));
    });
    m.put("cheekPuff", (x, y, z, o) -> {
      double w = bump(x, y, z, 4.3, -3.3, 3.2, 1.6) + bump(x, y, z, -4.3, -3.3, 3.2, 1.6);
      o[0] += 0.85 * Math.signum(x) * w;
      o[2] += 0.70 * w;
    });
    m.put("jawOpen", (x, y, z, o) -> jaw(x, y, z, JAW_OPEN_RADIANS, 1.0, o));
    m.put("jawForward", (x, y, z, o) -> o[2] += 0.6 * a.jawWeight(x, y));
    m.put("jawLeft", (x, y, z, o) -> o[0] += 0.6 * a.jawWeight(x, y));
    m.put("jawRight", (x, y, z, o) -> o[0] -= 0.6 * a.jawWeight(x, y));
    m.put("mouthClose", (x, y, z, o) -> {
      double[] j = new double[3];
      jaw(x, y, z, JAW_OPEN_RADIANS, 1.0, j);
      double w = lips(x, y);
      for (int k = 0; k < 3; k++) {
        o[k] -= w * j[k];
      }
    });
    m.put("mouthFunnel", (x, y, z, o) -> {
      double w = lips(x, y);
      double jaw = a.jawWeight(x, y);
      o[0] -= 0.30 * w * x / 2.4;
      o[1] += w * (0.30 * (1 - jaw) - 0.40 * jaw);
      o[2] += 0.50 * w;
    });
    m.put("mouthPucker", (x, y, z, o) -> {
      double w = lips(x, y);
      o[0] -= 0.55 * w * x / 2.4;
      o[2] += 0.60 * w;
    });
    m.put("mouthLeft", (x, y, z, o) -> o[0] += 0.75 * mouthArea(x, y));
    m.put("mouthRight", (x, y, z, o) -> o[0] -= 0.75 * mouthArea(x, y));
    m.put("mouthRollLower", (x, y, z, o) -> {
      double w = lips(x, y) * a.jawWeight(x, y);
      o[1] += 0.20 * w;
      o[2] -= 0.40 * w;
    });
    m.put("mouthRollUpper", (x, y, z, o) -> {
      double w = lips(x, y) * (1 - a.jawWeight(x, y));
      o[1] -= 0.15 * w;
      o[2] -= 0.40 * w;
    });
    m.put("mouthShrugLower", (x, y, z, o) -> {
      double w = lips(x, y) * a.jawWeight(x, y) + bump2(x, y, 0, -7.2, 2.0, 1.3);
      o[1] += 0.35 * w;
      o[2] += 0.15 * w;
    });
    m.put("mouthShrugUpper", (x, y, z, o) -> {
      double w = lips(x, y) * (1 - a.jawWeight(x, y));
      o[1] += 0.25 * w;
      o[2] += 0.10 * w;
    });
    m.put("tongueOut", (x, y, z, o) -> { });
    return m;
  }

  /** Rotation of the lower face about the jaw hinge (an axis along X), with a forward glide of the condyles. */
  private void jaw(double x, double y, double z, double angle, double amount, double[] o) {
    double w = amount * a.jawWeight(x, y);
    if (w == 0) {
      return;
    }
    double ry = y - JAW_HINGE[1];
    double rz = z - JAW_HINGE[2];
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    double ny = c * ry - s * rz;
    double nz = s * ry + c * rz;
    o[1] += w * (ny - ry - 0.3);
    o[2] += w * (nz - rz + 1.1);
  }

  /** Displacement of the neighbourhood of one mouth corner (side -1 right, +1 left): outward, up, back. */
  private void corner(int side, double x, double y, double z, double out, double up, double back, double[] o) {
    int c = side > 0 ? FaceAnatomy.LEFT_MOUTH_CORNER : FaceAnatomy.RIGHT_MOUTH_CORNER;
    double w = bump(x, y, z, a.x(c), a.y(c), a.z(c), 0.9) + 0.35 * bump(x, y, z, a.x(c), a.y(c), a.z(c), 2.0);
    w = Math.min(1, w) * side(side, x);
    o[0] += side * out * w;
    o[1] += up * w;
    o[2] += back * w;
  }

  /** The lips and the skin just around them. */
  private double lips(double x, double y) {
    return bump2(x, y, 0, a.slitY(0), 2.6, 1.1) * (1 - smoothstep(2.6, 3.4, Math.abs(x)));
  }

  /** The lips, the skin around them and the chin below them (for sideways motion of the mouth). */
  private static double mouthArea(double x, double y) {
    return bump2(x, y, 0, -4.6, 2.6, 1.6);
  }

  /** Side weight for a target of one side, kept at full strength near the target's own features. */
  private static double side(int side, double x) {
    return side > 0 ? leftSide(x) : 1 - leftSide(x);
  }

  /** Eyeball rotations for the eight eyeLook targets. */
  private void addGaze(Map<String, float[]> byName, float[] mesh, Eyeball left, Eyeball right) {
    // "In" turns each eye toward the nose: -X for the left eye, +X for the right.
    rotate(byName.get("eyeLookOutLeft"), mesh, left, 0, GAZE_SIDEWAYS_DEGREES);
    rotate(byName.get("eyeLookInLeft"), mesh, left, 0, -GAZE_SIDEWAYS_DEGREES);
    rotate(byName.get("eyeLookOutRight"), mesh, right, 0, -GAZE_SIDEWAYS_DEGREES);
    rotate(byName.get("eyeLookInRight"), mesh, right, 0, GAZE_SIDEWAYS_DEGREES);
    rotate(byName.get("eyeLookUpLeft"), mesh, left, -GAZE_VERTICAL_DEGREES, 0);
    rotate(byName.get("eyeLookUpRight"), mesh, right, -GAZE_VERTICAL_DEGREES, 0);
    rotate(byName.get("eyeLookDownLeft"), mesh, left, GAZE_VERTICAL_DEGREES, 0);
    rotate(byName.get("eyeLookDownRight"), mesh, right, GAZE_VERTICAL_DEGREES, 0);
  }

  /**
   * Adds to {@code delta} the displacement of an eyeball's vertices rotated about its centre: {@code pitch} about
   * +X (positive looks down), then {@code yaw} about +Y (positive looks toward +X).
   */
  private static void rotate(float[] delta, float[] mesh, Eyeball eye, double pitchDeg, double yawDeg) {
    double[] c = eye.centre();
    for (int i : eye.vertices()) {
      double x = mesh[3 * i] - c[0];
      double y = mesh[3 * i + 1] - c[1];
      double z = mesh[3 * i + 2] - c[2];
      double[] p = Eyeball.turned(x, y, z, pitchDeg, yawDeg);
      delta[3 * i] += (float) (p[0] - x);
      delta[3 * i + 1] += (float) (p[1] - y);
      delta[3 * i + 2] += (float) (p[2] - z);
    }
  }

  /** The lids of one eye: moves the upper and lower lid along y by fractions of the local lid opening. */
  private static final class Lids {
    private final FaceAnatomy a;
    private final int[] upper;
    private final int[] lower;
    private final double innerX;
    private final double outerX;
    private final double centreY;

    Lids(FaceAnatomy a, int[] upper, int[] lower) {
      this.a = a;
      this.upper = upper;
      this.lower = lower;
      this.outerX = a.x(upper[0]);
      this.innerX = a.x(upper[upper.length - 1]);
      this.centreY = 0.5 * (a.y(upper[4]) + a.y(lower[4]));
    }

    /**
     * Upper lid moves by {@code up} times the opening (negative closes), the lower lid by {@code low} (positive
     * raises it), the upper lid also comes forward by {@code forward} times its move (to slide over the eyeball).
     */
    void move(double x, double y, double up, double low, double forward, double[] o) {
      double lo = Math.min(innerX, outerX);
      double hi = Math.max(innerX, outerX);
      double span = hi - lo;
      double along = smoothstep(lo - 0.25 * span, lo + 0.1 * span, x) * (1 - smoothstep(hi - 0.1 * span,
          hi + 0.25 * span, x));
      if (along == 0 || Math.abs(y - centreY) > 2.5) {
        return;
      }
      double yu = a.contourY(upper, x);
      double yl = a.contourY(lower, x);
      double gap = Math.max(0, yu - yl);
      if (y >= yu - 1e-4) {
        double d = (y - yu) / 0.45;
        double fall = Math.exp(-d * d);
        o[1] += up * gap * fall * along;
        o[2] += forward * Math.abs(up) * gap * fall * along * 2;
      } else if (y <= yl + 1e-4) {
        double d = (yl - y) / 0.35;
        double fall = Math.exp(-d * d);
        o[1] += low * gap * fall * along;
      }
    }
  }
}
