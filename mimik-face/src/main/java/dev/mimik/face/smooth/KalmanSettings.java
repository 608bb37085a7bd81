package dev.mimik.face.smooth;

/**
 * Noise levels of the constant-velocity landmark model.
 *
 * @param processNoise standard deviation of a point's random acceleration, in pixels per second squared: larger
 *     follows fast motion sooner, smaller smooths more
 * @param measurementNoise standard deviation of the detector's error on one coordinate, in pixels
 */
public record KalmanSettings(double processNoise, double measurementNoise) {

  public KalmanSettings {
    if (!(processNoise > 0) || !Double.isFinite(processNoise)) {
      throw new IllegalArgumentException("process noise must be positive (px/s^2): " + processNoise);
    }
    if (!(measurementNoise > 0) || !Double.isFinite(measurementNoise)) {
      throw new IllegalArgumentException("measurement noise must be positive (px): " + measurementNoise);
    }
  }

  /** Settings for a landmark detector on 30 fps video: 2 px detector noise, 200 px/s^2 random acceleration. */
  public static KalmanSettings defaults() {
    return new KalmanSettings(200, 2);
  }
}
