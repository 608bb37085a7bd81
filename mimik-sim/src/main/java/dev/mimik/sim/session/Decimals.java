package dev.mimik.sim.session;

/**
 * Fast, locale-free fixed-point text for numbers in CSV files: {@code -12.345} with a given number of decimals,
 * empty for NaN, for the per-frame truth tables (head pose), where {@code String.format} would dominate.
 */
final class Decimals {

  private static final long[] POW10 = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};

  private Decimals() {}

  static void append(StringBuilder sb, double v, int decimals) {
    if (Double.isNaN(v)) {
      return;
    }
    long scale = POW10[decimals];
    long q = Math.round(Math.abs(v) * scale);
    if (q != 0 && v < 0) {
      sb.append('-');
    }
    sb.append(q / scale);
    if (decimals > 0) {
      sb.append('.');
      long frac = q % scale;
      for (long p = scale / 10; p > 1 && frac < p; p /= 10) {
        sb.append('0');
      }
      sb.append(frac);
    }
  }
}
