package dev.mimik.core.io.mediapipe;

/**
 * MediaPipe's face mesh numbering: 468 mesh points (the vertices of its canonical face model), and with refined
 * landmarks 10 more on the irises, 468-472 and 473-477, each a centre (468, 473) and four points on the iris's rim.
 */
public final class MediaPipeLandmarks {

  /** Points of the refined face mesh, irises included. */
  public static final int POINTS = 478;
  /** Points of the face mesh alone. */
  public static final int MESH_POINTS = 468;
  /** The iris centres. */
  public static final int IRIS_A = 468;
  public static final int IRIS_B = 473;

  private static final int[] IBUG_68 = {
    127, 234, 132, 58, 172, 150, 149, 148, 152, 377, 378, 379, 397, 288, 361, 454, 356,
    70, 63, 105, 66, 107, 336, 296, 334, 293, 300,
    168, 6, 195, 4, 98, 97, 2, 326, 327,
    33, 160, 158, 133, 153, 144, 362, 385, 387, 263, 373, 380,
    57, 40, 37, 0, 267, 270, 287, 321, 314, 17, 84, 91,
    78, 81, 13, 311, 308, 402, 14, 178,
  };

  private MediaPipeLandmarks() {}

  /**
   * The mesh point of each iBUG-68 landmark, in iBUG order (VTX68 of {@code @vladmandic/human}, MIT): contour 0-16,
   * brows 17-26, nose 27-35, eyes 36-47, outer lips 48-59, inner lips 60-67. A copy.
   */
  public static int[] ibug68() {
    return IBUG_68.clone();
  }
}
