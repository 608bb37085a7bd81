package dev.mimik.eval.landmarks;

import java.util.Arrays;

/**
 * The empirical cumulative distribution of a set of errors: what fraction is at most a given error, and quantiles.
 */
public final class ErrorCdf {

  private final double[] sorted;

  private ErrorCdf(double[] sorted) {
    this.sorted = sorted;
  }

  /** The distribution of these errors (NaNs are ignored; the array is copied). */
  public static ErrorCdf of(double[] errors) {
    double[] finite = Arrays.stream(errors).filter(e -> !Double.isNaN(e)).toArray();
    Arrays.sort(finite);
    return new ErrorCdf(finite);
  }

  /** How many errors the distribution is over. */
  public int size() {
    return sorted.length;
  }

  /** The errors in increasing order (a copy). */
  public double[] sortedErrors() {
    return sorted.clone();
  }

  /** The fraction of errors at most {@code error}, in [0, 1]. */
  public double fractionAtMost(double error) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = Arrays.binarySearch(sorted, error);
    if (i < 0) {
      i = -i - 1;
    } else {
      while (i < sorted.length && sorted[i] == error) {
        i++;
      }
    }
    return (double) i / sorted.length;
  }

  /**
   * The smallest error {@code e} such that at least a fraction {@code p} of the errors is at most {@code e}
   * (the inverse of the empirical CDF; p in (0, 1]).
   */
  public double quantile(double p) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in (0, 1]: " + p);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int k = (int) Math.ceil(p * sorted.length - 1e-9) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
  }
}
