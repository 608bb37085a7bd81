package dev.mimik.core.io.xdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps a stream's time stamps onto the recording computer's clock from its ClockOffset measurements, as pyxdf's
 * {@code _clock_sync} does: the measurements are split where the stream's clock was reset (a jump in both the
 * measurement times and the offsets, judged with the median and MAD), and within each part the offset is a robust
 * linear function of time (Huber loss solved by ADMM, 1000 iterations, residuals scaled by 0.1 ms).
 *
 * <p>Samples are split where their time stamps go backwards (a clock reset); each run of samples is corrected by the
 * part of the measurements nearest to it in time. Time stamps before the first measurement use the first part.
 */
final class ClockSync {

  private static final double RESET_THRESHOLD_STDS = 5;
  private static final double RESET_THRESHOLD_SECONDS = 5;
  private static final double RESET_THRESHOLD_OFFSET_STDS = 10;
  private static final double RESET_THRESHOLD_OFFSET_SECONDS = 1;
  private static final double WINSOR_THRESHOLD = 1e-4;
  private static final int ITERATIONS = 1000;
  private static final double EPS = Math.ulp(1.0);

  private ClockSync() {}

  /** Corrects {@code stamps} in place by the offsets {@code [time, value]}; no-op without offsets. */
  static void apply(double[] stamps, List<double[]> offsets) {
    if (offsets.isEmpty() || stamps.length == 0) {
      return;
    }
    List<int[]> parts = parts(offsets);
    List<double[]> fits = new ArrayList<>();
    for (int[] p : parts) {
      fits.add(fit(offsets.subList(p[0], p[1] + 1)));
    }
    int runStart = 0;
    for (int i = 1; i <= stamps.length; i++) {
      if (i == stamps.length || stamps[i] < stamps[i - 1]) {
        double[] fit = fits.get(nearest(parts, offsets, stamps[runStart], stamps[i - 1]));
        for (int j = runStart; j < i; j++) {
          stamps[j] += fit[0] + fit[1] * stamps[j];
        }
        runStart = i;
      }
    }
  }

  /** Index ranges [first, last] of the measurements between clock resets. */
  static List<int[]> parts(List<double[]> offsets) {
    int n = offsets.size();
    List<int[]> parts = new ArrayList<>();
    if (n < 2) {
      parts.add(new int[] {0, n - 1});
      return parts;
    }
    double[] timeDiff = new double[n - 1];
    double[] valueDiff = new double[n - 1];
    for (int i = 0; i < n - 1; i++) {
      timeDiff[i] = offsets.get(i + 1)[0] - offsets.get(i)[0];
      valueDiff[i] = Math.abs(offsets.get(i + 1)[1] - offsets.get(i)[1]);
    }
    double medianInterval = median(timeDiff);
    double medianSlope = median(valueDiff);
    double timeMad = madAround(timeDiff, medianInterval) + EPS;
    double valueMad = madAround(valueDiff, medianSlope) + EPS;
    int first = 0;
    for (int i = 0; i < n - 1; i++) {
      double dt = timeDiff[i] - medianInterval;
      boolean timeGlitch = timeDiff[i] < 0
          || (dt / timeMad > RESET_THRESHOLD_STDS && dt > RESET_THRESHOLD_SECONDS);
      double dv = valueDiff[i] - medianSlope;
      boolean valueGlitch = dv / valueMad > RESET_THRESHOLD_OFFSET_STDS && dv > RESET_THRESHOLD_OFFSET_SECONDS;
      if (timeGlitch && valueGlitch) {
        parts.add(new int[] {first, i});
        first = i + 1;
      }
    }
    parts.add(new int[] {first, n - 1});
    return parts;
  }

  /** Intercept and slope of the offset as a function of time, fitted robustly. */
  static double[] fit(List<double[]> offsets) {
    int n = offsets.size();
    if (n == 1) {
      return new double[] {offsets.get(0)[1], 0};
    }
    double minTime = offsets.stream().mapToDouble(o -> o[0]).min().orElseThrow();
    double[] a = new double[n]; // second column of the design matrix; the first is all ones
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = (offsets.get(i)[0] - minTime) / WINSOR_THRESHOLD;
      y[i] = offsets.get(i)[1] / WINSOR_THRESHOLD;
    }
    double s1 = 0;
    double s2 = 0;
    for (double v : a) {
      s1 += v;
      s2 += v * v;
    }
    double det = n * s2 - s1 * s1;
    double[] z = new double[n];
    double[] u = new double[n];
    double x0 = 0;
    double x1 = 0;
    double rho = 1;
    for (int it = 0; it < ITERATIONS; it++) {
      double b0 = 0;
      double b1 = 0;
      for (int i = 0; i < n; i++) {
        double r = y[i] + z[i] - u[i];
        b0 += r;
        b1 += a[i] * r;
      }
      x0 = (s2 * b0 - s1 * b1) / det;
      x1 = (n * b1 - s1 * b0) / det;
      for (int i = 0; i < n; i++) {
        double d = x0 + x1 * a[i] - y[i] + u[i];
        double inv = d != 0 ? 1 / d : 0;
        double shrink = Math.max(0, 1 - (1 + 1 / rho) * Math.abs(inv));
        z[i] = rho / (1 + rho) * d + 1 / (1 + rho) * shrink * d;
        u[i] = d - z[i];
      }
    }
    // back to seconds: offset = x0*w + x1*(t - minTime)
    double slope = x1;
    double intercept = x0 * WINSOR_THRESHOLD - slope * minTime;
    return new double[] {intercept, slope};
  }

  private static int nearest(List<int[]> parts, List<double[]> offsets, double from, double to) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int p = 0; p < parts.size(); p++) {
      double start = offsets.get(parts.get(p)[0])[0];
      double end = offsets.get(parts.get(p)[1])[0];
      double distance = Math.max(0, Math.max(start - to, from - end));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = p;
      }
    }
    return best;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  private static double madAround(double[] v, double centre) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = Math.abs(v[i] - centre);
    }
    return median(d);
  }
}
