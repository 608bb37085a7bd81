package dev.mimik.face.placement;

import dev.mimik.face.headset.CameraRole;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.headset.Side;
import java.util.List;
import java.util.Locale;

/**
 * Facial regions a headset camera is placed to see, each a set of iBUG-68 landmarks (its keypoints); the region's
 * surface is the rig's vertices within 8 mm of them on the neutral face. Left and right are the subject's.
 */
public enum FaceRegion {
  EYE_LEFT(42, 43, 44, 45, 46, 47),
  EYE_RIGHT(36, 37, 38, 39, 40, 41),
  BROW_LEFT(22, 23, 24, 25, 26),
  BROW_RIGHT(17, 18, 19, 20, 21),
  GLABELLA(20, 21, 22, 23, 27),
  MOUTH(48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67),
  CHIN(6, 7, 8, 9, 10);

  private final int[] landmarks;

  FaceRegion(int... landmarks) {
    this.landmarks = landmarks;
  }

  /** The region's iBUG landmark indices (a copy). */
  public int[] landmarks() {
    return landmarks.clone();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The regions a camera of this role and side is for. */
  public static List<FaceRegion> of(HeadsetCamera camera) {
    CameraRole role = camera.role();
    Side side = camera.side();
    return switch (role) {
      case EYE -> side == Side.RIGHT ? List.of(EYE_RIGHT, BROW_RIGHT)
          : side == Side.LEFT ? List.of(EYE_LEFT, BROW_LEFT) : List.of(EYE_LEFT, EYE_RIGHT);
      case MOUTH -> List.of(MOUTH, CHIN);
      case GLABELLA -> List.of(GLABELLA);
    };
  }
}
