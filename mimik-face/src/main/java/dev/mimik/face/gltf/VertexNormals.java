package dev.mimik.face.gltf;

/** Area-weighted vertex normals of a triangle mesh (unit length; a vertex in no triangle gets +Z). */
public final class VertexNormals {

  private VertexNormals() {}

  public static float[] of(float[] positions, int[] triangles) {
    double[] n = new double[positions.length];
    for (int t = 0; t + 2 < triangles.length; t += 3) {
      int a = 3 * triangles[t];
      int b = 3 * triangles[t + 1];
      int c = 3 * triangles[t + 2];
      double ux = positions[b] - positions[a];
      double uy = positions[b + 1] - positions[a + 1];
      double uz = positions[b + 2] - positions[a + 2];
      double vx = positions[c] - positions[a];
      double vy = positions[c + 1] - positions[a + 1];
      double vz = positions[c + 2] - positions[a + 2];
      double nx = uy * vz - uz * vy;
      double ny = uz * vx - ux * vz;
      double nz = ux * vy - uy * vx;
      for (int v : new int[] {a, b, c}) {
        n[v] += nx;
        n[v + 1] += ny;
        n[v + 2] += nz;
      }
    }
    float[] out = new float[n.length];
    for (int v = 0; v < n.length; v += 3) {
      double len = Math.sqrt(n[v] * n[v] + n[v + 1] * n[v + 1] + n[v + 2] * n[v + 2]);
      if (len > 0) {
        out[v] = (float) (n[v] / len);
        out[v + 1] = (float) (n[v + 1] / len);
        out[v + 2] = (float) (n[v + 2] / len);
      } else {
        out[v + 2] = 1;
      }
    }
    return out;
  }
}
