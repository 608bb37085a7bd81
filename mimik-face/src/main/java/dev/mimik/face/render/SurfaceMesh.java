package dev.mimik.face.render;

import java.util.List;

/**
 * What the renderer draws for one frame: triangles in the head frame (millimetres) with vertex normals and
 * per-vertex skin properties, a material per triangle, and the eyes' posed geometry. Arrays are not copied.
 *
 * @param positions flat xyz, head frame, mm
 * @param normals unit vertex normals, flat xyz
 * @param albedo near-infrared reflectance of each vertex (skin with brows, lips and lashes painted in)
 * @param hair facial-hair coverage of each vertex, 0..1
 * @param rest each vertex's position on the neutral face (mm), on which hair strands are laid out so they stay put
 * @param triangles three vertex numbers per triangle, counter-clockwise seen from outside
 * @param material per triangle, one of {@link #SKIN}, {@link #EYE_LEFT}, {@link #EYE_RIGHT}, {@link #OCCLUDER}
 * @param eyes the left and right eye (either may be absent from the list if the rig has none)
 * @param hairAlbedo reflectance of facial hair
 */
public record SurfaceMesh(float[] positions, float[] normals, float[] albedo, float[] hair, float[] rest,
    int[] triangles, byte[] material, List<EyeGeometry> eyes, double hairAlbedo) {

  public static final byte SKIN = 0;
  public static final byte EYE_LEFT = 1;
  public static final byte EYE_RIGHT = 2;
  public static final byte OCCLUDER = 3;

  public SurfaceMesh {
    eyes = List.copyOf(eyes);
    int n = positions.length;
    if (normals.length != n || rest.length != n || albedo.length != n / 3 || hair.length != n / 3
        || material.length != triangles.length / 3) {
      throw new IllegalArgumentException("surface arrays disagree in length");
    }
  }

  public int vertexCount() {
    return positions.length / 3;
  }

  public int triangleCount() {
    return triangles.length / 3;
  }

  /** The eye drawn by triangles of material {@code eyeMaterial}, or null. */
  public EyeGeometry eye(byte eyeMaterial) {
    for (EyeGeometry e : eyes) {
      if (e.material() == eyeMaterial) {
        return e;
      }
    }
    return null;
  }
}
