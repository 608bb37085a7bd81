package dev.mimik.face.placement;

import dev.mimik.face.headset.HeadsetCamera;
import java.util.List;

/**
 * One camera's placement figures, averaged over the population: per region, and for the camera as REFA reports
 * them (Visibility and in-view share averaged over its regions; Range of Motion over all its keypoints together).
 *
 * @param camera the camera as designed
 * @param regions one score per region the camera is for
 * @param visibility mean Visibility over its regions
 * @param rangeOfMotionPx Range of Motion of all its keypoints, pixels at the described resolution
 * @param inView mean share in view over its regions
 */
public record CameraScore(HeadsetCamera camera, List<RegionScore> regions, double visibility, double rangeOfMotionPx,
    double inView) {

  /**
   * Range of Motion of REFA's chosen placement (Fig. 1, green) for this camera's role, pixels at 400x400: the
   * reference the search objective measures motion against.
   */
  public double referenceRangeOfMotionPx() {
    return switch (camera.role()) {
      case EYE -> 5.184;
      case MOUTH -> 12.906;
      case GLABELLA -> 9.201;
    };
  }

  /**
   * The camera's part of the search objective: the share of its regions in view times its Range of Motion
   * relative to REFA's chosen placement, capped at 1.
   */
  public double objective() {
    return inView * Math.min(1, rangeOfMotionPx / referenceRangeOfMotionPx());
  }
}
