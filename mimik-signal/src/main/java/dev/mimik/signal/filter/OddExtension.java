package dev.mimik.signal.filter;

/** Scipy's {@code odd_ext}: point-symmetric extension about each end sample, used before zero-phase filtering. */
final class OddExtension {

  private OddExtension() {}

  static double[] extend(double[] x, int n) {
    double[] ext = new double[x.length + 2 * n];
    System.arraycopy(before(x, n), 0, ext, 0, n);
    System.arraycopy(x, 0, ext, n, x.length);
    System.arraycopy(after(x, n), 0, ext, n + x.length, n);
    return ext;
  }

  /** The {@code n} samples that the extension puts before {@code x}. */
  static double[] before(double[] x, int n) {
    check(x, n);
    double[] ext = new double[n];
    for (int i = 0; i < n; i++) {
      ext[i] = 2 * x[0] - x[n - i];
    }
    return ext;
  }

  /** The {@code n} samples that the extension puts after {@code x}. */
  static double[] after(double[] x, int n) {
    check(x, n);
    int len = x.length;
    double[] ext = new double[n];
    for (int i = 0; i < n; i++) {
      ext[i] = 2 * x[len - 1] - x[len - 2 - i];
    }
    return ext;
  }

  private static void check(double[] x, int n) {
    if (x.length <= n) {
      throw new IllegalArgumentException(
          "zero-phase filtering needs more than " + n + " samples (the edge padding), got " + x.length);
    }
  }
}
