package dev.mimik.face.smooth;

import dev.mimik.core.data.LandmarkTrack;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.filtering.kalman.KalmanSmoother;
import org.hipparchus.filtering.kalman.ProcessEstimate;
import org.hipparchus.linear.CholeskyDecomposer;

/**
 * Offline two-sided smoothing of a landmark track: the Rauch-Tung-Striebel smoother (Hipparchus
 * {@code KalmanSmoother}) over the same constant-velocity model as {@link KalmanLandmarkFilter}. It uses the frames
 * after each frame too, so it has no lag and bridges lost frames by interpolating the motion on both sides.
 */
public final class RtsSmoother {

  private final KalmanSettings settings;

  public RtsSmoother(KalmanSettings settings) {
    this.settings = settings;
  }

  /** The smoothed track (new arrays); frames before a point's first or after its last sighting are extrapolated. */
  public LandmarkTrack smooth(LandmarkTrack track) {
    int n = track.frameCount();
    double[][] frames = new double[n][2 * track.pointCount()];
    for (double[] frame : frames) {
      Arrays.fill(frame, Double.NaN);
    }
    for (int i = 0; i < track.pointCount(); i++) {
      smoothPoint(track, i, frames);
    }
    boolean[] missing = new boolean[n];
    for (int f = 0; f < n; f++) {
      missing[f] = Arrays.stream(frames[f]).noneMatch(Double::isFinite);
    }
    return new LandmarkTrack(track.timesSeconds().clone(), track.pointCount(), frames, missing);
  }

  private void smoothPoint(LandmarkTrack track, int point, double[][] out) {
    int first = -1;
    for (int f = 0; f < track.frameCount() && first < 0; f++) {
      if (seen(track, f, point)) {
        first = f;
      }
    }
    if (first < 0) {
      return;
    }
    KalmanSmoother smoother = new KalmanSmoother(new CholeskyDecomposer(1e-15, 1e-15));
    double[] times = track.timesSeconds();
    ConstantVelocityPoint filter = new ConstantVelocityPoint(settings, times[first], track.x(first, point),
        track.y(first, point), smoother);
    for (int f = first + 1; f < track.frameCount(); f++) {
      boolean seen = seen(track, f, point);
      filter.step(times[f], seen ? track.x(f, point) : Double.NaN, seen ? track.y(f, point) : Double.NaN);
    }
    List<ProcessEstimate> smoothed = smoother.backwardsSmooth();
    for (int f = first; f < track.frameCount(); f++) {
      ProcessEstimate e = smoothed.get(f - first);
      out[f][2 * point] = e.getState().getEntry(0);
      out[f][2 * point + 1] = e.getState().getEntry(1);
    }
    // before the first sighting: the smoothed motion run backwards
    ProcessEstimate start = smoothed.get(0);
    for (int f = 0; f < first; f++) {
      double dt = times[f] - times[first];
      out[f][2 * point] = start.getState().getEntry(0) + dt * start.getState().getEntry(2);
      out[f][2 * point + 1] = start.getState().getEntry(1) + dt * start.getState().getEntry(3);
    }
  }

  private static boolean seen(LandmarkTrack track, int f, int point) {
    return !track.missing()[f] && Double.isFinite(track.x(f, point)) && Double.isFinite(track.y(f, point));
  }
}
