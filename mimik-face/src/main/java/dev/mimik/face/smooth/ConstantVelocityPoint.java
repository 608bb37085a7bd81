package dev.mimik.face.smooth;

import org.hipparchus.filtering.kalman.KalmanObserver;
import org.hipparchus.filtering.kalman.Measurement;
import org.hipparchus.filtering.kalman.ProcessEstimate;
import org.hipparchus.filtering.kalman.linear.LinearEvolution;
import org.hipparchus.filtering.kalman.linear.LinearKalmanFilter;
import org.hipparchus.filtering.kalman.linear.LinearProcess;
import org.hipparchus.linear.CholeskyDecomposer;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * One landmark as a Hipparchus linear Kalman filter with state {@code (x, y, vx, vy)}: constant velocity with white
 * random acceleration (the discrete model {@code Q = a^2 [dt^4/4, dt^3/2; dt^3/2, dt^2]} per axis), observing the
 * position. A step without an observation only predicts.
 */
final class ConstantVelocityPoint {

  /** An observation of the point at a time; {@code value} is null when the point was not seen. */
  private record Observation(double time, RealVector value, RealMatrix covariance) implements Measurement {
    @Override
    public double getTime() {
      return time;
    }

    @Override
    public RealVector getValue() {
      return value;
    }

    @Override
    public RealMatrix getCovariance() {
      return covariance;
    }
  }

  private static final RealMatrix H = MatrixUtils.createRealMatrix(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}});

  private final double accelerationVariance;
  private final RealMatrix measurementCovariance;
  private final LinearKalmanFilter<Observation> filter;
  private double lastTime;

  /** Starts the filter at the first observation, at rest, with the measurement noise as position uncertainty. */
  ConstantVelocityPoint(KalmanSettings settings, double time, double x, double y, KalmanObserver observer) {
    this(settings, new ProcessEstimate(time, MatrixUtils.createRealVector(new double[] {x, y, 0, 0}),
        initialCovariance(settings)), observer);
  }

  /** Continues from an estimate of the state {@code (x, y, vx, vy)} and its covariance at the estimate's time. */
  ConstantVelocityPoint(KalmanSettings settings, ProcessEstimate estimate, KalmanObserver observer) {
    this.accelerationVariance = settings.processNoise() * settings.processNoise();
    double r = settings.measurementNoise() * settings.measurementNoise();
    this.measurementCovariance = MatrixUtils.createRealDiagonalMatrix(new double[] {r, r});
    LinearProcess<Observation> process = this::evolution;
    this.filter = new LinearKalmanFilter<>(new CholeskyDecomposer(1e-15, 1e-15), process, estimate);
    this.lastTime = estimate.getTime();
    if (observer != null) {
      filter.setObserver(observer);
    }
  }

  /** Position uncertainty the measurement noise; velocity uncertainty what one second of random acceleration builds. */
  private static RealMatrix initialCovariance(KalmanSettings settings) {
    double r = settings.measurementNoise() * settings.measurementNoise();
    double v = settings.processNoise() * settings.processNoise();
    return MatrixUtils.createRealDiagonalMatrix(new double[] {r, r, v, v});
  }

  /** Advances to {@code time}, correcting with {@code (x, y)} when both are finite, else only predicting. */
  double[] step(double time, double x, double y) {
    RealVector state = estimate(time, x, y).getState();
    return new double[] {state.getEntry(0), state.getEntry(1)};
  }

  /** As {@link #step}, the whole estimate: state, covariance, transition and (after a correction) the gain. */
  ProcessEstimate estimate(double time, double x, double y) {
    RealVector value = Double.isFinite(x) && Double.isFinite(y)
        ? MatrixUtils.createRealVector(new double[] {x, y}) : null;
    return filter.estimationStep(new Observation(time, value, measurementCovariance));
  }

  /** The current estimate. */
  ProcessEstimate current() {
    return filter.getCorrected();
  }

  /** The state transition over {@code dt} seconds: positions move by their velocity, velocities stay. */
  static RealMatrix transition(double dt) {
    RealMatrix f = MatrixUtils.createRealIdentityMatrix(4);
    f.setEntry(0, 2, dt);
    f.setEntry(1, 3, dt);
    return f;
  }

  /** The time of the last step. */
  double time() {
    return lastTime;
  }

  private LinearEvolution evolution(Observation o) {
    double dt = o.time() - lastTime;
    if (!(dt > 0)) {
      throw new IllegalArgumentException("frame times must increase: " + lastTime + " then " + o.time());
    }
    lastTime = o.time();
    RealMatrix f = transition(dt);
    double a = accelerationVariance;
    double p = a * dt * dt * dt * dt / 4;
    double c = a * dt * dt * dt / 2;
    double v = a * dt * dt;
    RealMatrix q = MatrixUtils.createRealMatrix(new double[][] {
        {p, 0, c, 0}, {0, p, 0, c}, {c, 0, v, 0}, {0, c, 0, v}});
    return new LinearEvolution(f, null, null, q, o.value() == null ? null : H);
  }
}
