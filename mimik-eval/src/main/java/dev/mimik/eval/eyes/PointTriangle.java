package dev.mimik.eval.eyes;

/** Squared distance from a point to a triangle (closest point by Voronoi regions, Ericson's method). */
final class PointTriangle {

  private PointTriangle() {}

  static double squaredDistance(double[] p, float[] v, int ia, int ib, int ic) {
    double ax = v[3 * ia];
    double ay = v[3 * ia + 1];
    double az = v[3 * ia + 2];
    double abx = v[3 * ib] - ax;
    double aby = v[3 * ib + 1] - ay;
    double abz = v[3 * ib + 2] - az;
    double acx = v[3 * ic] - ax;
    double acy = v[3 * ic + 1] - ay;
    double acz = v[3 * ic + 2] - az;
    double apx = p[0] - ax;
    double apy = p[1] - ay;
    double apz = p[2] - az;
    double d1 = abx * apx + aby * apy + abz * apz;
    double d2 = acx * apx + acy * apy + acz * apz;
    double s;
    double t;
    if (d1 <= 0 && d2 <= 0) {
      s = 0;
      t = 0;
    } else {
      double bpx = apx - abx;
      double bpy = apy - aby;
      double bpz = apz - abz;
      double d3 = abx * bpx + aby * bpy + abz * bpz;
      double d4 = acx * bpx + acy * bpy + acz * bpz;
      double cpx = apx - acx;
      double cpy = apy - acy;
      double cpz = apz - acz;
      double d5 = abx * cpx + aby * cpy + abz * cpz;
      double d6 = acx * cpx + acy * cpy + acz * cpz;
      double vc = d1 * d4 - d3 * d2;
      double vb = d5 * d2 - d1 * d6;
      double va = d3 * d6 - d5 * d4;
      if (d3 >= 0 && d4 <= d3) {
        s = 1;
        t = 0;
      } else if (vc <= 0 && d1 >= 0 && d3 <= 0) {
        s = d1 / (d1 - d3);
        t = 0;
      } else if (d6 >= 0 && d5 <= d6) {
        s = 0;
        t = 1;
      } else if (vb <= 0 && d2 >= 0 && d6 <= 0) {
        s = 0;
        t = d2 / (d2 - d6);
      } else if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
        t = (d4 - d3) / ((d4 - d3) + (d5 - d6));
        s = 1 - t;
      } else {
        double denom = 1 / (va + vb + vc);
        s = vb * denom;
        t = vc * denom;
      }
    }
    double dx = apx - s * abx - t * acx;
    double dy = apy - s * aby - t * acy;
    double dz = apz - s * abz - t * acz;
    return dx * dx + dy * dy + dz * dz;
  }
}
