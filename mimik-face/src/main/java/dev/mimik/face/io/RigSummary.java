package dev.mimik.face.io;

import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import java.util.List;

/**
 * What a face rig holds, for {@code mimik inspect}: its mesh, each morph target with the ARKit name it drives (as
 * {@link ArkitShapeMapper} maps it), the ARKit names no target gives, identity modes, landmarks and eyes.
 *
 * @param name the rig's name
 * @param vertices vertex count
 * @param triangles triangle count
 * @param targets every expression target in rig order, with its ARKit name or null
 * @param missingArkit ARKit names no target maps to, in ARKit order
 * @param identityModes identity mode count
 * @param landmarks landmark vertices (68 for iBUG, 0 when the rig has none)
 * @param leftEye the subject's left eyeball, or null
 * @param rightEye the right eyeball, or null
 * @param millimetresPerUnit size of one rig unit
 * @param sizeMm width, height and depth of the neutral mesh's bounding box, millimetres
 */
public record RigSummary(String name, int vertices, int triangles, List<Target> targets, List<String> missingArkit,
    int identityModes, int landmarks, Eye leftEye, Eye rightEye, double millimetresPerUnit, double[] sizeMm) {

  /** One morph target and the ARKit shape it drives (null when none). */
  public record Target(String name, String arkit) {}

  /** One eyeball: how many vertices move with it and its radius. */
  public record Eye(int vertices, double radiusMm) {}

  /** Summarises a rig. */
  public static RigSummary of(FaceRig rig) {
    List<Target> targets = rig.shapeNames().stream()
        .map(n -> new Target(n, ArkitShapeMapper.arkitName(n))).toList();
    float[] p = rig.neutral();
    double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < p.length; i++) {
      min[i % 3] = Math.min(min[i % 3], p[i]);
      max[i % 3] = Math.max(max[i % 3], p[i]);
    }
    double[] size = new double[3];
    for (int a = 0; a < 3; a++) {
      size[a] = p.length == 0 ? 0 : (max[a] - min[a]) * rig.millimetresPerUnit();
    }
    return new RigSummary(rig.name(), rig.vertexCount(), rig.triangles().length / 3, targets,
        ArkitShapeMapper.forNames(rig.shapeNames()).missing(), rig.identityNames().size(),
        rig.landmarkVertices().length, eye(rig.leftEye(), rig.millimetresPerUnit()),
        eye(rig.rightEye(), rig.millimetresPerUnit()), rig.millimetresPerUnit(), size);
  }

  private static Eye eye(Eyeball e, double mmPerUnit) {
    return e == null ? null : new Eye(e.vertices().length, e.radius() * mmPerUnit);
  }
}
