package dev.mimik.face.rig.embedded;

import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.mediapipe.MediaPipeLandmarks;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * mimik's default face rig, "mimik-mediapipe": MediaPipe's canonical face mesh (468 vertices, Apache-2.0, see
 * the NOTICE next to the mesh resource) with open eyes and mouth, two eyeballs, the 52 ARKit expression targets
 * and six identity modes authored by the project. Units are centimetres, as in MediaPipe's canonical model.
 */
public final class EmbeddedRig {

  /** The rig's name. */
  public static final String NAME = "mimik-mediapipe";
  /** Eyeball radius in centimetres (a human eyeball is about 24 mm across). */
  static final double EYEBALL_RADIUS = 1.2;

  /** iBUG-68 points as MediaPipe vertex numbers (the canonical mesh's numbering is MediaPipe's landmark numbering). */
  static final int[] IBUG68 = MediaPipeLandmarks.ibug68();

  private EmbeddedRig() {}

  /** Builds the rig (a few milliseconds); the result is immutable and may be shared. */
  public static FaceRig load() {
    CanonicalMesh mesh = CanonicalMesh.load();
    int faceVertices = CanonicalMesh.VERTEX_COUNT;
    FaceAnatomy anatomy = new FaceAnatomy(mesh.vertices());
    int eyeVertices = EyeballMesh.vertexCount();
    double[] rightCentre = eyeballCentre(anatomy, FaceAnatomy.RIGHT_UPPER_LID, FaceAnatomy.RIGHT_LOWER_LID);
    double[] leftCentre = eyeballCentre(anatomy, FaceAnatomy.LEFT_UPPER_LID, FaceAnatomy.LEFT_LOWER_LID);
    int leftFirst = faceVertices;
    int rightFirst = faceVertices + eyeVertices;

    float[] neutral = new float[3 * (faceVertices + 2 * eyeVertices)];
    System.arraycopy(mesh.vertices(), 0, neutral, 0, 3 * faceVertices);
    System.arraycopy(EyeballMesh.vertices(leftCentre, EYEBALL_RADIUS), 0, neutral, 3 * leftFirst, 3 * eyeVertices);
    System.arraycopy(EyeballMesh.vertices(rightCentre, EYEBALL_RADIUS), 0, neutral, 3 * rightFirst,
        3 * eyeVertices);
    Eyeball left = EyeballMesh.eyeball(leftCentre, EYEBALL_RADIUS, leftFirst);
    Eyeball right = EyeballMesh.eyeball(rightCentre, EYEBALL_RADIUS, rightFirst);

    int[] triangles = concat(openFeatures(mesh.triangles()), EyeballMesh.triangles(leftFirst),
        EyeballMesh.triangles(rightFirst));
    List<float[]> shapes = ExpressionTargets.build(anatomy, neutral, faceVertices, left, right);
    List<float[]> identity = IdentityModes.build(neutral, faceVertices, left, right);
    return new FaceRig(NAME, neutral, triangles, Blendshapes.ARKIT_52, shapes, IdentityModes.NAMES, identity,
        IBUG68.clone(), left, right, 10.0);
  }

  /** The eyeball sits behind the lid opening, its front pole just behind the lids' middle. */
  private static double[] eyeballCentre(FaceAnatomy a, int[] upper, int[] lower) {
    double x = 0.5 * (a.x(upper[0]) + a.x(upper[upper.length - 1]));
    double y = 0.5 * (a.y(upper[4]) + a.y(lower[4]));
    double z = 0.5 * (a.z(upper[4]) + a.z(lower[4])) - 0.08 - EYEBALL_RADIUS;
    return new double[] {x, y, z};
  }

  /** Drops the triangles that close the canonical mesh's eye and mouth openings. */
  private static int[] openFeatures(int[] triangles) {
    List<Set<Integer>> openings = List.of(
        ring(FaceAnatomy.RIGHT_UPPER_LID, FaceAnatomy.RIGHT_LOWER_LID),
        ring(FaceAnatomy.LEFT_UPPER_LID, FaceAnatomy.LEFT_LOWER_LID),
        ring(FaceAnatomy.UPPER_INNER_LIP, FaceAnatomy.LOWER_INNER_LIP));
    return IntStream.range(0, triangles.length / 3)
        .filter(t -> openings.stream().noneMatch(r -> r.contains(triangles[3 * t])
            && r.contains(triangles[3 * t + 1]) && r.contains(triangles[3 * t + 2])))
        .flatMap(t -> IntStream.of(triangles[3 * t], triangles[3 * t + 1], triangles[3 * t + 2]))
        .toArray();
  }

  private static Set<Integer> ring(int[] a, int[] b) {
    Set<Integer> s = new HashSet<>();
    Arrays.stream(a).forEach(s::add);
    Arrays.stream(b).forEach(s::add);
    return s;
  }

  private static int[] concat(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }
}
