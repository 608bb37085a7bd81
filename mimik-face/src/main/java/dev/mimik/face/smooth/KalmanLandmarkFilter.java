package dev.mimik.face.smooth;

import dev.mimik.core.data.LandmarkTrack;
import java.util.Arrays;

/**
 * Causal landmark smoothing for live tracking: one constant-velocity Kalman filter per point (Hipparchus
 * {@code LinearKalmanFilter}), fed frame by frame. A frame or point the detector lost is predicted from the motion so
 * far; a point not yet seen stays NaN.
 */
public final class KalmanLandmarkFilter {

  private final KalmanSettings settings;
  private final int pointCount;
  private final ConstantVelocityPoint[] points;

  public KalmanLandmarkFilter(KalmanSettings settings, int pointCount) {
    this.settings = settings;
    this.pointCount = pointCount;
    this.points = new ConstantVelocityPoint[pointCount];
  }

  /**
   * Filters one frame.
   *
   * @param timeSeconds the frame time, later than the previous frame's
   * @param frame {@code x0, y0, x1, y1, ...}; null, or NaN points, where the detector found nothing
   * @return the filtered frame (a new array)
   */
  public double[] process(double timeSeconds, double[] frame) {
    if (frame != null && frame.length != 2 * pointCount) {
      throw new IllegalArgumentException("a frame of " + frame.length / 2 + " points, the filter has " + pointCount);
    }
    double[] out = new double[2 * pointCount];
    for (int i = 0; i < pointCount; i++) {
      double x = frame == null ? Double.NaN : frame[2 * i];
      double y = frame == null ? Double.NaN : frame[2 * i + 1];
      if (points[i] == null) {
        boolean seen = Double.isFinite(x) && Double.isFinite(y);
        if (seen) {
          points[i] = new ConstantVelocityPoint(settings, timeSeconds, x, y, null);
        }
        out[2 * i] = seen ? x : Double.NaN;
        out[2 * i + 1] = seen ? y : Double.NaN;
      } else {
        double[] p = points[i].step(timeSeconds, x, y);
        out[2 * i] = p[0];
        out[2 * i + 1] = p[1];
      }
    }
    return out;
  }

  /**
   * Filters a whole track causally with a fresh filter. Missing frames get predicted positions and are no longer
   * missing, except those before any point was seen.
   */
  public static LandmarkTrack filter(LandmarkTrack track, KalmanSettings settings) {
    KalmanLandmarkFilter filter = new KalmanLandmarkFilter(settings, track.pointCount());
    double[][] frames = new double[track.frameCount()][];
    boolean[] missing = new boolean[track.frameCount()];
    for (int f = 0; f < frames.length; f++) {
      frames[f] = filter.process(track.timesSeconds()[f], track.missing()[f] ? null : track.frames()[f]);
      missing[f] = Arrays.stream(frames[f]).noneMatch(Double::isFinite);
    }
    return new LandmarkTrack(track.timesSeconds().clone(), track.pointCount(), frames, missing);
  }
}
