package dev.mimik.face.rig.embedded;

import dev.mimik.face.rig.Eyeball;

/**
 * A sphere for one eyeball, built as rings around its gaze axis (+Z) so that its first vertex is the pupil: the
 * front pole. Only the front 125 degrees are meshed; the rest is never seen through the lids.
 */
final class EyeballMesh {

  static final int RINGS = 14;
  static final int SEGMENTS = 20;
  static final double MAX_POLAR_DEGREES = 125;

  private EyeballMesh() {}

  /** Number of vertices of one eyeball. */
  static int vertexCount() {
    return 1 + RINGS * SEGMENTS;
  }

  /** Vertex positions (flat xyz), the pole first. */
  static float[] vertices(double[] centre, double radius) {
    float[] xyz = new float[3 * vertexCount()];
    xyz[0] = (float) centre[0];
    xyz[1] = (float) centre[1];
    xyz[2] = (float) (centre[2] + radius);
    int k = 1;
    for (int ring = 1; ring <= RINGS; ring++) {
      double polar = Math.toRadians(MAX_POLAR_DEGREES) * ring / RINGS;
      for (int s = 0; s < SEGMENTS; s++) {
        double az = 2 * Math.PI * s / SEGMENTS;
        xyz[3 * k] = (float) (centre[0] + radius * Math.sin(polar) * Math.cos(az));
        xyz[3 * k + 1] = (float) (centre[1] + radius * Math.sin(polar) * Math.sin(az));
        xyz[3 * k + 2] = (float) (centre[2] + radius * Math.cos(polar));
        k++;
      }
    }
    return xyz;
  }

  /** Triangles (counter-clockwise seen from outside) with vertex numbers starting at {@code first}. */
  static int[] triangles(int first) {
    int[] t = new int[3 * (SEGMENTS + 2 * SEGMENTS * (RINGS - 1))];
    int n = 0;
    for (int s = 0; s < SEGMENTS; s++) {
      int a = first + 1 + s;
      int b = first + 1 + (s + 1) % SEGMENTS;
      t[n++] = first;
      t[n++] = a;
      t[n++] = b;
    }
    for (int ring = 1; ring < RINGS; ring++) {
      int r0 = first + 1 + (ring - 1) * SEGMENTS;
      int r1 = r0 + SEGMENTS;
      for (int s = 0; s < SEGMENTS; s++) {
        int s1 = (s + 1) % SEGMENTS;
        t[n++] = r0 + s;
        t[n++] = r1 + s;
        t[n++] = r1 + s1;
        t[n++] = r0 + s;
        t[n++] = r1 + s1;
        t[n++] = r0 + s1;
      }
    }
    return t;
  }

  /** The rig's description of an eyeball whose vertices start at {@code first}. */
  static Eyeball eyeball(double[] centre, double radius, int first) {
    int[] idx = new int[vertexCount()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = first + i;
    }
    return new Eyeball(centre.clone(), radius, new double[] {0, 0, 1}, idx);
  }
}
