package dev.mimik.signal.filter;

import java.util.Arrays;

/**
 * A streaming IIR filter: second-order sections in transposed direct form II with explicit state, the same
 * arithmetic as {@code scipy.signal.sosfilt}.
 *
 * <p>Feed it sample by sample or block by block; the output does not depend on how the input is cut into
 * blocks. This is the filter for live tracking; offline work may use {@link ZeroPhaseSosFilter}. Not thread-safe:
 * one instance per channel.
 */
public final class CausalSosFilter {

  /** Samples per pass of {@link #fiveSections}: a chunk stays in the level-1 cache for all the passes. */
  private static final int CHUNK = 1024;

  private final Sos sos;
  private final int sections;
  /**
   * {@code b0 b1 b2 a1 a2} of every section, flat for the inner loop, followed by pass-through sections
   * ({@code b0 = 1}, the rest 0) up to a multiple of five for {@link #processInPlace}.
   */
  private final double[] c;
  /** The two states of every section (those of the pass-through sections stay 0). */
  private final double[] z;

  /** A filter at rest (zero state), like {@code sosfilt} without {@code zi}. */
  public CausalSosFilter(Sos sos) {
    this.sos = sos;
    this.sections = sos.sectionCount();
    int padded = (sections + 4) / 5 * 5;
    this.c = new double[5 * padded];
    this.z = new double[2 * padded];
    for (int i = 0; i < sections; i++) {
      double[] r = sos.sections()[i];
      c[5 * i] = r[0];
      c[5 * i + 1] = r[1];
      c[5 * i + 2] = r[2];
      c[5 * i + 3] = r[4];
      c[5 * i + 4] = r[5];
    }
    for (int i = sections; i < padded; i++) {
      c[5 * i] = 1.0;
    }
  }

  /** Filters a whole array from rest, like {@code scipy.signal.sosfilt(sos, x)}. */
  public static double[] filter(Sos sos, double[] x) {
    double[] y = x.clone();
    new CausalSosFilter(sos).processInPlace(y, 0, y.length);
    return y;
  }

  /**
   * Sets the state to the steady state for a constant input {@code level}, like
   * {@code sosfilt(sos, x, zi=sosfilt_zi(sos) * level)}: starting with {@code level = x[0]} avoids the start-up
   * transient.
   */
  public CausalSosFilter settleAt(double level) {
    double[][] zi = sos.steadyStateStates();
    for (int i = 0; i < sections; i++) {
      z[2 * i] = zi[i][0] * level;
      z[2 * i + 1] = zi[i][1] * level;
    }
    return this;
  }

  /** Clears the state. */
  public void reset() {
    Arrays.fill(z, 0.0);
  }

  /** Filters one sample. */
  public double process(double x) {
    double v = x;
    for (int i = 0, k = 0, j = 0; i < sections; i++, k += 5, j += 2) {
      double y = c[k] * v + z[j];
      z[j] = c[k + 1] * v - c[k + 3] * y + z[j + 1];
      z[j + 1] = c[k + 2] * v - c[k + 4] * y;
      v = y;
    }
    return v;
  }

  /**
   * Filters {@code length} samples of {@code buffer} from {@code offset}, replacing them by the output: bit for bit
   * what {@link #process(double)} gives sample by sample (but for the sign of an output of exactly zero).
   */
  public void processInPlace(double[] buffer, int offset, int length) {
    for (int from = 0; from < length; from += CHUNK) {
      int to = Math.min(length, from + CHUNK);
      for (int i = 0; i < c.length / 5; i += 5) {
        fiveSections(i, buffer, offset + from, offset + to, 1);
      }
    }
  }

  /** Like {@link #processInPlace} but feeds the samples last to first: the backward pass of a zero-phase filter. */
  void processReversedInPlace(double[] buffer, int offset, int length) {
    int last = offset + length - 1;
    for (int from = 0; from < length; from += CHUNK) {
      int to = Math.min(length, from + CHUNK);
      for (int i = 0; i < c.length / 5; i += 5) {
        fiveSections(i, buffer, last - from, last - to, -1);
      }
    }
  }

  /**
   * Runs sections {@code i} to {@code i + 4} over the samples from index {@code first} to {@code end} (exclusive),
   * {@code stride} (1 or -1) apart, with their coefficients and states in local variables. Five sections per pass
   * over the samples beat all sections per sample as scipy and {@link #process(double)} do (states in memory, a
   * long chain through the cascade for every sample) and one section per pass (a pass waits on the section's own
   * recursion): the five recursions overlap in the CPU's pipeline; fewer per pass were slower
   * ({@code docs/notes/dsp.md} has the timings). Same arithmetic in the same order, so the same bits.
   */
  private void fiveSections(int i, double[] buffer, int first, int end, int stride) {
    int k = 5 * i;
    int j = 2 * i;
    double b0 = c[k], b1 = c[k + 1], b2 = c[k + 2], a1 = c[k + 3], a2 = c[k + 4];
    double d0 = c[k + 5], d1 = c[k + 6], d2 = c[k + 7], e1 = c[k + 8], e2 = c[k + 9];
    double f0 = c[k + 10], f1 = c[k + 11], f2 = c[k + 12], g1 = c[k + 13], g2 = c[k + 14];
    double h0 = c[k + 15], h1 = c[k + 16], h2 = c[k + 17], l1 = c[k + 18], l2 = c[k + 19];
    double m0 = c[k + 20], m1 = c[k + 21], m2 = c[k + 22], p1 = c[k + 23], p2 = c[k + 24];
    double z0 = z[j], z1 = z[j + 1];
    double w0 = z[j + 2], w1 = z[j + 3];
    double u0 = z[j + 4], u1 = z[j + 5];
    double q0 = z[j + 6], q1 = z[j + 7];
    double r0 = z[j + 8], r1 = z[j + 9];
    for (int n = first; n != end; n += stride) {
      double v0 = buffer[n];
      double v1 = b0 * v0 + z0;
      z0 = b1 * v0 - a1 * v1 + z1;
      z1 = b2 * v0 - a2 * v1;
      double v2 = d0 * v1 + w0;
      w0 = d1 * v1 - e1 * v2 + w1;
      w1 = d2 * v1 - e2 * v2;
      double v3 = f0 * v2 + u0;
      u0 = f1 * v2 - g1 * v3 + u1;
      u1 = f2 * v2 - g2 * v3;
      double v4 = h0 * v3 + q0;
      q0 = h1 * v3 - l1 * v4 + q1;
      q1 = h2 * v3 - l2 * v4;
      double v5 = m0 * v4 + r0;
      r0 = m1 * v4 - p1 * v5 + r1;
      r1 = m2 * v4 - p2 * v5;
      buffer[n] = v5;
    }
    z[j] = z0;
    z[j + 1] = z1;
    z[j + 2] = w0;
    z[j + 3] = w1;
    z[j + 4] = u0;
    z[j + 5] = u1;
    z[j + 6] = q0;
    z[j + 7] = q1;
    z[j + 8] = r0;
    z[j + 9] = r1;
  }

  /** Filters a block into a new array. */
  public double[] process(double[] block) {
    double[] y = block.clone();
    processInPlace(y, 0, y.length);
    return y;
  }
}
