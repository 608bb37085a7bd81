package dev.mimik.testing;

import java.util.Random;

/** Seeded test input for signal processing checks, the same for every module and every run. */
public final class TestSignal {

  private TestSignal() {}

  /**
   * {@code n} samples at {@code fs} Hz: an offset of 40, a slow drift (0.3 Hz, amplitude 30), mains (50 Hz, 20), a
   * 3.7 Hz tone (10) and white Gaussian noise (standard deviation 15) drawn from {@code seed}.
   */
  public static double[] of(int n, double fs, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double t = i / fs;
      x[i] = 40 + 30 * Math.sin(2 * Math.PI * 0.3 * t) + 20 * Math.sin(2 * Math.PI * 50 * t)
          + 10 * Math.sin(2 * Math.PI * 3.7 * t) + 15 * r.nextGaussian();
    }
    return x;
  }
}
