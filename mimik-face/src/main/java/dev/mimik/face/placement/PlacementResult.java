package dev.mimik.face.placement;

import dev.mimik.face.headset.CameraRole;
import dev.mimik.face.headset.Headset;
import java.util.List;

/**
 * A headset's placement figures.
 *
 * @param headset the headset as designed
 * @param cameras one score per embedded camera, in the headset's order
 * @param clearanceMm the smallest distance from a camera to the face (any identity, neutral), millimetres
 */
public record PlacementResult(Headset headset, List<CameraScore> cameras, double clearanceMm) {

  public PlacementResult {
    cameras = List.copyOf(cameras);
  }

  /** The search objective: the mean over cameras of {@link CameraScore#objective()}. */
  public double objective() {
    return cameras.stream().mapToDouble(CameraScore::objective).average().orElse(0);
  }

  /** The mean of a figure over the cameras of one role (as REFA's Fig. 1 table rows), NaN if none. */
  public double meanOf(CameraRole role, java.util.function.ToDoubleFunction<CameraScore> figure) {
    return cameras.stream().filter(c -> c.camera().role() == role).mapToDouble(figure).average()
        .orElse(Double.NaN);
  }
}
