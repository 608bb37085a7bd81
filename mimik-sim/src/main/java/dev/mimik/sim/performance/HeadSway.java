package dev.mimik.sim.performance;

import java.util.SplittableRandom;

/**
 * Slow head sway: per pose axis ({@code yaw, pitch, roll} in degrees, {@code tx, ty, tz} in millimetres) a sum of
 * sinusoids of random frequency, phase and amplitude.
 */
final class HeadSway {

  private HeadSway() {}

  /**
   * {@code n} poses at {@code rate} per second.
   *
   * @param amplitude each axis's full amplitude, scaled per sinusoid by a draw in {@code [minScale, maxScale)}
   * @param sinusoids sinusoids per axis
   * @param minHz lowest frequency; the highest is 0.25 Hz
   */
  static double[][] draw(int n, double rate, double[] amplitude, int sinusoids, double minHz, double minScale,
      double maxScale, SplittableRandom r) {
    double[][] pose = new double[n][6];
    for (int axis = 0; axis < 6; axis++) {
      for (int c = 0; c < sinusoids; c++) {
        double f = r.nextDouble(minHz, 0.25);
        double ph = r.nextDouble(0, 2 * Math.PI);
        double a = amplitude[axis] * r.nextDouble(minScale, maxScale);
        for (int i = 0; i < n; i++) {
          pose[i][axis] += a * Math.sin(2 * Math.PI * f * i / rate + ph);
        }
      }
    }
    return pose;
  }
}
