package dev.mimik.face.rig.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * MediaPipe's canonical face mesh as embedded in the jar ({@code canonical-face-mesh.obj}, written by
 * {@code scripts/extract-canonical-mesh.sh}): 468 vertices in centimetres and 898 triangles.
 *
 * @param vertices flat xyz positions
 * @param triangles 0-based vertex indices, three per triangle, counter-clockwise seen from the front
 */
record CanonicalMesh(float[] vertices, int[] triangles) {

  static final String RESOURCE = "canonical-face-mesh.obj";
  static final int VERTEX_COUNT = 468;

  static CanonicalMesh load() {
    List<float[]> v = new ArrayList<>();
    List<int[]> f = new ArrayList<>();
    try (InputStream in = CanonicalMesh.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] t = line.trim().split("\\s+");
        if (t[0].equals("v")) {
          v.add(new float[] {Float.parseFloat(t[1]), Float.parseFloat(t[2]), Float.parseFloat(t[3])});
        } else if (t[0].equals("f")) {
          f.add(new int[] {Integer.parseInt(t[1]) - 1, Integer.parseInt(t[2]) - 1, Integer.parseInt(t[3]) - 1});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (v.size() != VERTEX_COUNT) {
      throw new IllegalStateException(RESOURCE + " has " + v.size() + " vertices, expected " + VERTEX_COUNT);
    }
    float[] xyz = new float[3 * v.size()];
    for (int i = 0; i < v.size(); i++) {
      System.arraycopy(v.get(i), 0, xyz, 3 * i, 3);
    }
    int[] tri = new int[3 * f.size()];
    for (int i = 0; i < f.size(); i++) {
      System.arraycopy(f.get(i), 0, tri, 3 * i, 3);
    }
    return new CanonicalMesh(xyz, tri);
  }
}
