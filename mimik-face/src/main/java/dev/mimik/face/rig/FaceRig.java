package dev.mimik.face.rig;

import java.util.List;
import java.util.Objects;

/**
 * A blendshape face rig: a neutral mesh, expression targets (named, ARKit-52 where possible), identity modes,
 * the iBUG-68 landmark vertices and the two eyeballs.
 *
 * <p>A posed mesh is {@code neutral + sum_i identity_i * identityDeltas[i] + sum_k w_k * shapeDeltas[k]}. Axes follow
 * glTF: +Y up, the face looks toward +Z, the subject's left is +X. All arrays are flat {@code x0, y0, z0, x1, ...}
 * and are not copied: treat them as read-only.
 *
 * @param name a short name, e.g. {@code "mimik-mediapipe"} or {@code "ict-facekit"}
 * @param neutral neutral vertex positions, length {@code 3 * vertexCount}
 * @param triangles vertex indices, three per triangle, counter-clockwise seen from the front
 * @param shapeNames expression target names
 * @param shapeDeltas per target, vertex displacements, each of length {@code 3 * vertexCount}
 * @param identityNames identity mode names (may be empty)
 * @param identityDeltas per identity mode, vertex displacements for a weight of 1 (one standard deviation)
 * @param landmarkVertices 68 vertex indices in iBUG order
 * @param leftEye the subject's left eyeball (+X), or null if the rig has none
 * @param rightEye the subject's right eyeball, or null
 * @param millimetresPerUnit size of one rig unit in millimetres (10 for a rig in centimetres)
 */
public record FaceRig(
    String name,
    float[] neutral,
    int[] triangles,
    List<String> shapeNames,
    List<float[]> shapeDeltas,
    List<String> identityNames,
    List<float[]> identityDeltas,
    int[] landmarkVertices,
    Eyeball leftEye,
    Eyeball rightEye,
    double millimetresPerUnit) {

  public FaceRig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(neutral, "neutral");
    Objects.requireNonNull(triangles, "triangles");
    shapeNames = List.copyOf(shapeNames);
    shapeDeltas = List.copyOf(shapeDeltas);
    identityNames = List.copyOf(identityNames);
    identityDeltas = List.copyOf(identityDeltas);
    Objects.requireNonNull(landmarkVertices, "landmarkVertices");
    if (neutral.length % 3 != 0) {
      throw new IllegalArgumentException("neutral length is not a multiple of 3");
    }
    if (shapeNames.size() != shapeDeltas.size() || identityNames.size() != identityDeltas.size()) {
      throw new IllegalArgumentException("names and deltas differ in count");
    }
    for (float[] d : shapeDeltas) {
      if (d.length != neutral.length) {
        throw new IllegalArgumentException("a shape target has " + d.length / 3 + " vertices, the neutral "
            + neutral.length / 3);
      }
    }
    for (float[] d : identityDeltas) {
      if (d.length != neutral.length) {
        throw new IllegalArgumentException("an identity mode has " + d.length / 3 + " vertices, the neutral "
            + neutral.length / 3);
      }
    }
    for (int v : landmarkVertices) {
      if (v < 0 || v >= neutral.length / 3) {
        throw new IllegalArgumentException("landmark vertex " + v + " is out of range");
      }
    }
  }

  public int vertexCount() {
    return neutral.length / 3;
  }

  public int shapeCount() {
    return shapeNames.size();
  }

  /** Index of a named expression target, or -1. */
  public int shapeIndex(String shapeName) {
    return shapeNames.indexOf(shapeName);
  }
}
