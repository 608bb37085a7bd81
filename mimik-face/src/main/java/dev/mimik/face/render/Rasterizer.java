package dev.mimik.face.render;

/**
 * Fills triangles given in image coordinates into a {@link VisibilityBuffer}, nearest surface first.
 *
 * <p>A pixel belongs to a triangle when its centre {@code (x + 0.5, y + 0.5)} is inside it; centres exactly on an
 * edge follow the top-left rule (Direct3D's), so triangles that share an edge cover each pixel along it exactly
 * once. Depth and barycentric weights are interpolated perspective-correctly from each vertex's depth {@code w}.
 * A vertex with {@code w <= 0} (behind the camera or not projectable) drops its triangles.
 */
public final class Rasterizer {

  private Rasterizer() {}

  /**
   * Draws triangles {@code first .. first+count-1} of {@code triangles} (three vertex numbers each).
   *
   * @param u image x of each vertex, pixels
   * @param v image y of each vertex, pixels (down)
   * @param w depth of each vertex along the optical axis (mm), non-positive for vertices that cannot be drawn
   * @param cullBack whether triangles seen from behind are skipped; a triangle is seen from the front when its
   *     vertices, counter-clockwise about its outward normal, run counter-clockwise on the screen as a person
   *     looking at the image sees it
   */
  public static void draw(float[] u, float[] v, float[] w, int[] triangles, int first, int count,
      boolean cullBack, VisibilityBuffer buf) {
    for (int t = first; t < first + count; t++) {
      int a = triangles[3 * t];
      int b = triangles[3 * t + 1];
      int c = triangles[3 * t + 2];
      if (w[a] <= 0 || w[b] <= 0 || w[c] <= 0) {
        continue;
      }
      float minU = Math.min(u[a], Math.min(u[b], u[c]));
      float maxU = Math.max(u[a], Math.max(u[b], u[c]));
      float minV = Math.min(v[a], Math.min(v[b], v[c]));
      float maxV = Math.max(v[a], Math.max(v[b], v[c]));
      if (maxU < 0.5f || maxV < 0.5f || minU > buf.width - 0.5f || minV > buf.height - 0.5f) {
        continue;
      }
      double area = edge(u[a], v[a], u[b], v[b], u[c], v[c]);
      if (!(area != 0 && Math.abs(area) < Double.POSITIVE_INFINITY)) {
        continue;
      }
      // with v pointing down, a front face has a negative signed area
      boolean back = area > 0;
      if (back && cullBack) {
        continue;
      }
      if (back) {
        fill(t, a, b, c, false, true, u, v, w, area, buf);
      } else {
        fill(t, a, c, b, true, false, u, v, w, -area, buf);
      }
    }
  }

  /**
   * Fills one triangle given in an order {@code p0, p1, p2} of positive signed area; {@code swapped} says that the
   * order is the triangle's own with its last two vertices exchanged.
   */
  private static void fill(int t, int p0, int p1, int p2, boolean swapped, boolean back, float[] u, float[] v,
      float[] w, double area, VisibilityBuffer buf) {
    double u0 = u[p0];
    double v0 = v[p0];
    double u1 = u[p1];
    double v1 = v[p1];
    double u2 = u[p2];
    double v2 = v[p2];
    int x0 = Math.max(0, (int) Math.ceil(Math.min(u0, Math.min(u1, u2)) - 0.5));
    int x1 = Math.min(buf.width - 1, (int) Math.floor(Math.max(u0, Math.max(u1, u2)) - 0.5));
    int y0 = Math.max(0, (int) Math.ceil(Math.min(v0, Math.min(v1, v2)) - 0.5));
    int y1 = Math.min(buf.height - 1, (int) Math.floor(Math.max(v0, Math.max(v1, v2)) - 0.5));
    if (x0 > x1 || y0 > y1) {
      return;
    }
    // e0 is opposite p0 (edge p1->p2), e1 opposite p1 (p2->p0), e2 opposite p2 (p0->p1); all positive inside
    boolean tl0 = topLeft(u1, v1, u2, v2);
    boolean tl1 = topLeft(u2, v2, u0, v0);
    boolean tl2 = topLeft(u0, v0, u1, v1);
    double s0 = 1 / (area * w[p0]);
    double s1 = 1 / (area * w[p1]);
    double s2 = 1 / (area * w[p2]);
    double d0 = -(v2 - v1);
    double d1 = -(v0 - v2);
    double d2 = -(v1 - v0);
    for (int y = y0; y <= y1; y++) {
      double py = y + 0.5;
      double px = x0 + 0.5;
      double e0 = edge(u1, v1, u2, v2, px, py);
      double e1 = edge(u2, v2, u0, v0, px, py);
      double e2 = edge(u0, v0, u1, v1, px, py);
      int row = y * buf.width;
      for (int x = x0; x <= x1; x++, e0 += d0, e1 += d1, e2 += d2) {
        if (!(e0 > 0 || (e0 == 0 && tl0)) || !(e1 > 0 || (e1 == 0 && tl1)) || !(e2 > 0 || (e2 == 0 && tl2))) {
          continue;
        }
        double l0 = e0 * s0;
        double l1 = e1 * s1;
        double l2 = e2 * s2;
        double iw = l0 + l1 + l2;
        float depth = (float) (1 / iw);
        int k = row + x;
        if (depth < buf.depth[k]) {
          buf.depth[k] = depth;
          buf.triangle[k] = t;
          buf.back[k] = back;
          // the triangle's own second and third vertices are p1, p2, or p2, p1 when swapped
          buf.b1[k] = (float) ((swapped ? l2 : l1) / iw);
          buf.b2[k] = (float) ((swapped ? l1 : l2) / iw);
        }
      }
    }
  }

  /** Twice the signed area of {@code (p0, p1, p)} in image coordinates (v down). */
  static double edge(double u0, double v0, double u1, double v1, double pu, double pv) {
    return (u1 - u0) * (pv - v0) - (v1 - v0) * (pu - u0);
  }

  /** Whether edge p0->p1 of a positive-area triangle is a top edge (flat, going right) or a left edge (going up). */
  private static boolean topLeft(double u0, double v0, double u1, double v1) {
    return (v1 == v0 && u1 > u0) || v1 < v0;
  }
}
