package dev.mimik.face.smooth;

import dev.mimik.core.data.LandmarkTrack;
import java.util.Arrays;
import org.hipparchus.filtering.kalman.ProcessEstimate;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Causal landmark smoothing for live tracking: one constant-velocity Kalman filter per point (Hipparchus
 * {@code LinearKalmanFilter}), fed frame by frame. A frame or point the detector lost is predicted from the motion so
 * far; a point not yet seen stays NaN.
 *
 * <p>Points share one model, so while they are seen (or lost) together their covariances, and the gains made of
 * them, are the same: one Hipparchus filter then carries the covariance and its transition and gain update every
 * point's state, as each point's own filter would. The first frame in which some points are seen and others not
 * gives every point its own filter from there on.
 */
public final class KalmanLandmarkFilter {

  private final KalmanSettings settings;
  private final int pointCount;
  /** The filter of point 0 while all points share their history; null before the first frame and once they part. */
  private ConstantVelocityPoint shared;
  /** While shared: every point's state {@code x, y, vx, vy}. */
  private double[][] states;
  /** Once the points' histories differ: one filter per point (null until the point is seen). */
  private ConstantVelocityPoint[] points;

  public KalmanLandmarkFilter(KalmanSettings settings, int pointCount) {
    this.settings = settings;
    this.pointCount = pointCount;
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
    int seen = 0;
    for (int i = 0; frame != null && i < pointCount; i++) {
      seen += Double.isFinite(frame[2 * i]) && Double.isFinite(frame[2 * i + 1]) ? 1 : 0;
    }
    boolean together = seen == pointCount || seen == 0;
    if (points == null && together) {
      return shared == null ? start(timeSeconds, frame, seen) : stepShared(timeSeconds, frame, seen > 0);
    }
    if (points == null) {
      part();
    }
    return stepEach(timeSeconds, frame);
  }

  /** The first frame: every point seen starts the shared filter; none seen leaves it unstarted. */
  private double[] start(double time, double[] frame, int seen) {
    double[] out = new double[2 * pointCount];
    if (seen == 0) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    shared = new ConstantVelocityPoint(settings, time, frame[0], frame[1], null);
    states = new double[pointCount][];
    for (int i = 0; i < pointCount; i++) {
      states[i] = new double[] {frame[2 * i], frame[2 * i + 1], 0, 0};
    }
    System.arraycopy(frame, 0, out, 0, out.length);
    return out;
  }

  /** One step of every point through the shared filter's transition and gain. */
  private double[] stepShared(double time, double[] frame, boolean observed) {
    RealMatrix f = ConstantVelocityPoint.transition(time - shared.time());
    ProcessEstimate e = shared.estimate(time, observed ? frame[0] : Double.NaN, observed ? frame[1] : Double.NaN);
    RealMatrix k = observed ? e.getKalmanGain() : null;
    double[] out = new double[2 * pointCount];
    double[] predicted = new double[4];
    for (int i = 0; i < pointCount; i++) {
      double[] s = states[i];
      for (int r = 0; r < 4; r++) {
        predicted[r] = f.getEntry(r, 0) * s[0] + f.getEntry(r, 1) * s[1] + f.getEntry(r, 2) * s[2]
            + f.getEntry(r, 3) * s[3];
      }
      if (k != null) {
        double du = frame[2 * i] - predicted[0];
        double dv = frame[2 * i + 1] - predicted[1];
        for (int r = 0; r < 4; r++) {
          predicted[r] += k.getEntry(r, 0) * du + k.getEntry(r, 1) * dv;
        }
      }
      System.arraycopy(predicted, 0, s, 0, 4);
      out[2 * i] = s[0];
      out[2 * i + 1] = s[1];
    }
    return out;
  }

  /** The points' histories part: each continues in a filter of its own from the shared covariance. */
  private void part() {
    points = new ConstantVelocityPoint[pointCount];
    if (shared == null) {
      return;
    }
    ProcessEstimate e = shared.current();
    for (int i = 0; i < pointCount; i++) {
      points[i] = new ConstantVelocityPoint(settings, new ProcessEstimate(e.getTime(),
          MatrixUtils.createRealVector(states[i]), e.getCovariance()), null);
    }
    shared = null;
    states = null;
  }

  private double[] stepEach(double time, double[] frame) {
    double[] out = new double[2 * pointCount];
    for (int i = 0; i < pointCount; i++) {
      double x = frame == null ? Double.NaN : frame[2 * i];
      double y = frame == null ? Double.NaN : frame[2 * i + 1];
      if (points[i] == null) {
        boolean seen = Double.isFinite(x) && Double.isFinite(y);
        if (seen) {
          points[i] = new ConstantVelocityPoint(settings, time, x, y, null);
        }
        out[2 * i] = seen ? x : Double.NaN;
        out[2 * i + 1] = seen ? y : Double.NaN;
      } else {
        double[] p = points[i].step(time, x, y);
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
