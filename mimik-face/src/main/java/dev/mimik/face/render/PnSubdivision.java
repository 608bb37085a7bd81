package dev.mimik.face.render;

import java.util.HashMap;
import java.util.Map;

/**
 * One level of curved subdivision of a triangle mesh: every edge gets a new vertex on the cubic curve that the
 * PN-triangle scheme (Vlachos et al. 2001) puts through the edge's end points and normals, and every triangle
 * becomes four. A coarse mesh (the embedded rig's vertices are a few millimetres to centimetres apart) then shows
 * curved silhouettes and smooth shading in close-up views. The old vertices keep their numbers; the new ones
 * follow them, so landmark vertex numbers stay valid.
 *
 * <p>The edge midpoint is {@code (p0 + p1) / 2 - ((p1 - p0).n0 n0 + (p0 - p1).n1 n1) / 8}, the midpoint of the
 * cubic Bezier whose inner control points are the thirds of the edge projected onto each end's tangent plane; its
 * normal is the normalised mean of the end normals.
 */
public final class PnSubdivision {

  private final int vertexCount;
  private final int[] edges;
  private final int[] triangles;

  /** The subdivision of a mesh of {@code vertexCount} vertices with these triangles. */
  public PnSubdivision(int vertexCount, int[] triangles) {
    this.vertexCount = vertexCount;
    Map<Long, Integer> index = new HashMap<>();
    int[] edgeList = new int[triangles.length * 2];
    int[] out = new int[triangles.length * 4];
    int edgeCount = 0;
    int o = 0;
    for (int t = 0; t < triangles.length; t += 3) {
      int a = triangles[t];
      int b = triangles[t + 1];
      int c = triangles[t + 2];
      int[] m = new int[3];
      int[][] pairs = {{a, b}, {b, c}, {c, a}};
      for (int k = 0; k < 3; k++) {
        int p = pairs[k][0];
        int q = pairs[k][1];
        long key = ((long) Math.min(p, q) << 32) | Math.max(p, q);
        Integer e = index.get(key);
        if (e == null) {
          e = edgeCount;
          index.put(key, e);
          edgeList[2 * edgeCount] = p;
          edgeList[2 * edgeCount + 1] = q;
          edgeCount++;
        }
        m[k] = vertexCount + e;
      }
      int[] children = {a, m[0], m[2], m[0], b, m[1], m[2], m[1], c, m[0], m[1], m[2]};
      System.arraycopy(children, 0, out, o, 12);
      o += 12;
    }
    this.edges = java.util.Arrays.copyOf(edgeList, 2 * edgeCount);
    this.triangles = out;
  }

  /** Vertices after subdivision. */
  public int vertexCount() {
    return vertexCount + edges.length / 2;
  }

  /** Triangles after subdivision, four per original triangle in its order. */
  public int[] triangles() {
    return triangles;
  }

  /** Subdivided positions and normals (flat xyz), written into {@code outPositions} and {@code outNormals}. */
  public void apply(float[] positions, float[] normals, float[] outPositions, float[] outNormals) {
    System.arraycopy(positions, 0, outPositions, 0, 3 * vertexCount);
    System.arraycopy(normals, 0, outNormals, 0, 3 * vertexCount);
    for (int e = 0; e < edges.length / 2; e++) {
      int p = 3 * edges[2 * e];
      int q = 3 * edges[2 * e + 1];
      int m = 3 * (vertexCount + e);
      double dx = positions[q] - positions[p];
      double dy = positions[q + 1] - positions[p + 1];
      double dz = positions[q + 2] - positions[p + 2];
      double w0 = dx * normals[p] + dy * normals[p + 1] + dz * normals[p + 2];
      double w1 = -(dx * normals[q] + dy * normals[q + 1] + dz * normals[q + 2]);
      double nx = normals[p] + normals[q];
      double ny = normals[p + 1] + normals[q + 1];
      double nz = normals[p + 2] + normals[q + 2];
      for (int a = 0; a < 3; a++) {
        outPositions[m + a] = (float) (0.5 * (positions[p + a] + positions[q + a])
            - (w0 * normals[p + a] + w1 * normals[q + a]) / 8);
      }
      double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
      if (len < 1e-9) {
        outNormals[m] = normals[p];
        outNormals[m + 1] = normals[p + 1];
        outNormals[m + 2] = normals[p + 2];
      } else {
        outNormals[m] = (float) (nx / len);
        outNormals[m + 1] = (float) (ny / len);
        outNormals[m + 2] = (float) (nz / len);
      }
    }
  }

  /** A per-vertex attribute with {@code components} values per vertex, new vertices taking their edge's mean. */
  public float[] interpolate(float[] attribute, int components) {
    float[] out = new float[components * vertexCount()];
    System.arraycopy(attribute, 0, out, 0, components * vertexCount);
    for (int e = 0; e < edges.length / 2; e++) {
      int p = components * edges[2 * e];
      int q = components * edges[2 * e + 1];
      int m = components * (vertexCount + e);
      for (int a = 0; a < components; a++) {
        out[m + a] = 0.5f * (attribute[p + a] + attribute[q + a]);
      }
    }
    return out;
  }

  /** A per-triangle value repeated for the four children of each triangle. */
  public byte[] perChild(byte[] perTriangle) {
    byte[] out = new byte[4 * perTriangle.length];
    for (int t = 0; t < perTriangle.length; t++) {
      java.util.Arrays.fill(out, 4 * t, 4 * t + 4, perTriangle[t]);
    }
    return out;
  }
}
