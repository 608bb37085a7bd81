package dev.mimik.face.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a spectacle frame in the head frame (mm): two rounded-rectangle rims in front of the eyes, a
 * bridge, and temples running back above the ears, each bar a box so that it occludes from every side. Faces are
 * flat (their own vertices), counter-clockwise seen from outside.
 */
final class GlassesFrame {

  private static final int RIM_SEGMENTS = 20;

  private final List<float[]> positions = new ArrayList<>();
  private final List<int[]> faces = new ArrayList<>();

  private GlassesFrame() {}

  /**
   * Builds a frame for eyes centred at {@code left} and {@code right} (mm) with radius {@code eyeRadiusMm}.
   *
   * @return {positions (flat xyz), normals (flat xyz)} and, in {@code trianglesOut[0]}, the triangles
   */
  static float[][] build(GlassesStyle s, double[] left, double[] right, double eyeRadiusMm, int[][] trianglesOut) {
    GlassesFrame g = new GlassesFrame();
    double z = Math.max(left[2], right[2]) + eyeRadiusMm + s.vertexDistanceMm();
    double depth = Math.max(2, 0.6 * s.barMm());
    for (double[] eye : new double[][] {left, right}) {
      double cx = eye[0];
      double cy = eye[1] - s.dropMm();
      double[][] ring = new double[RIM_SEGMENTS][];
      for (int k = 0; k < RIM_SEGMENTS; k++) {
        double a = 2 * Math.PI * k / RIM_SEGMENTS;
        // a superellipse: a rounded rectangle
        double c = Math.cos(a);
        double sn = Math.sin(a);
        double x = Math.signum(c) * Math.pow(Math.abs(c), 0.5) * s.rimWidthMm() / 2;
        double y = Math.signum(sn) * Math.pow(Math.abs(sn), 0.5) * s.rimHeightMm() / 2;
        ring[k] = new double[] {cx + x, cy + y, z};
      }
      for (int k = 0; k < RIM_SEGMENTS; k++) {
        g.bar(ring[k], ring[(k + 1) % RIM_SEGMENTS], s.barMm(), depth);
      }
    }
    double inner = s.rimWidthMm() / 2;
    double ly = left[1] - s.dropMm() + 0.25 * s.rimHeightMm();
    double ry = right[1] - s.dropMm() + 0.25 * s.rimHeightMm();
    g.bar(new double[] {right[0] + inner, ry, z}, new double[] {left[0] - inner, ly, z}, s.barMm(), depth);
    for (double[] eye : new double[][] {left, right}) {
      double side = Math.signum(eye[0]);
      double x = eye[0] + side * inner;
      double y = eye[1] - s.dropMm() + 0.3 * s.rimHeightMm();
      g.bar(new double[] {x, y, z}, new double[] {x + side * 12, y, z - 100}, 0.8 * s.barMm(), depth);
    }
    return g.finish(trianglesOut);
  }

  /** A box of square-ish cross-section {@code width x depth} from {@code a} to {@code b}. */
  private void bar(double[] a, double[] b, double width, double depth) {
    double[] d = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
    double len = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    for (int i = 0; i < 3; i++) {
      d[i] /= len;
    }
    // side vectors: one across the bar in the plane facing the viewer, one toward +Z where possible
    double[] ref = Math.abs(d[2]) > 0.9 ? new double[] {0, 1, 0} : new double[] {0, 0, 1};
    double[] across = normalize(cross(ref, d));
    double[] up = cross(d, across);
    double hw = width / 2;
    double hd = depth / 2;
    double[][] offsets = {{-hw, -hd}, {hw, -hd}, {hw, hd}, {-hw, hd}};
    double[][] ca = new double[4][];
    double[][] cb = new double[4][];
    for (int k = 0; k < 4; k++) {
      ca[k] = add(a, across, offsets[k][0], up, offsets[k][1]);
      cb[k] = add(b, across, offsets[k][0], up, offsets[k][1]);
    }
    for (int k = 0; k < 4; k++) {
      int k1 = (k + 1) % 4;
      quad(ca[k], ca[k1], cb[k1], cb[k]);
    }
    quad(ca[3], ca[2], ca[1], ca[0]);
    quad(cb[0], cb[1], cb[2], cb[3]);
  }

  /** A flat quad; its winding is fixed up so that its normal points away from the bar's axis. */
  private void quad(double[] p0, double[] p1, double[] p2, double[] p3) {
    int base = positions.size();
    for (double[] p : new double[][] {p0, p1, p2, p3}) {
      positions.add(new float[] {(float) p[0], (float) p[1], (float) p[2]});
    }
    faces.add(new int[] {base, base + 1, base + 2, base + 3});
  }

  private float[][] finish(int[][] trianglesOut) {
    int n = positions.size();
    float[] pos = new float[3 * n];
    float[] nor = new float[3 * n];
    int[] tri = new int[6 * faces.size()];
    int t = 0;
    for (int[] f : faces) {
      double[] e1 = sub(positions.get(f[1]), positions.get(f[0]));
      double[] e2 = sub(positions.get(f[2]), positions.get(f[0]));
      double[] nrm = normalize(cross(e1, e2));
      for (int i : f) {
        System.arraycopy(positions.get(i), 0, pos, 3 * i, 3);
        for (int a = 0; a < 3; a++) {
          nor[3 * i + a] = (float) nrm[a];
        }
      }
      int[] q = {f[0], f[1], f[2], f[0], f[2], f[3]};
      System.arraycopy(q, 0, tri, t, 6);
      t += 6;
    }
    trianglesOut[0] = tri;
    return new float[][] {pos, nor};
  }

  private static double[] add(double[] p, double[] u, double su, double[] v, double sv) {
    return new double[] {p[0] + su * u[0] + sv * v[0], p[1] + su * u[1] + sv * v[1], p[2] + su * u[2] + sv * v[2]};
  }

  private static double[] sub(float[] a, float[] b) {
    return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  private static double[] normalize(double[] v) {
    double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    return new double[] {v[0] / len, v[1] / len, v[2] / len};
  }
}
