package dev.mimik.signal.filter;

/** Scipy's {@code odd_ext}: point-symmetric extension about each end sample, used before zero-phase filtering. */
final class OddExtension {

  private OddExtension() {}

  static double[] extend(double[] x, int n) {
    if (x.length <= n) {
      throw new IllegalArgumentException(
          "zero-phase filtering needs more than " + n + " samples (the edge padding), got " + x.length);
    }
    int len = x.length;
    double[] ext = new double[len + 2 * n];
    double first = x[0];
    double last = x[len - 1];
    for (int i = 0; i < n; i++) {
      ext[i] = 2 * first - x[n - i];
      ext[n + len + i] = 2 * last - x[len - 2 - i];
    }
    System.arraycopy(x, 0, ext, n, len);
    return ext;
  }
}
