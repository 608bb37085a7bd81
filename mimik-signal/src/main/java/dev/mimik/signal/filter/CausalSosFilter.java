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

  private final Sos sos;
  private final int sections;
  /** {@code b0 b1 b2 a1 a2} of every section, flat for the inner loop. */
  private final double[] c;
  /** The two states of every section. */
  private final double[] z;

  /** A filter at rest (zero state), like {@code sosfilt} without {@code zi}. */
  public CausalSosFilter(Sos sos) {
    this.sos = sos;
    this.sections = sos.sectionCount();
    this.c = new double[5 * sections];
    this.z = new double[2 * sections];
    for (int i = 0; i < sections; i++) {
      double[] r = sos.sections()[i];
      c[5 * i] = r[0];
      c[5 * i + 1] = r[1];
      c[5 * i + 2] = r[2];
      c[5 * i + 3] = r[4];
      c[5 * i + 4] = r[5];
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
   * Filters {@code length} samples of {@code buffer} from {@code offset}, replacing them by the output. Each
   * sample goes through all sections before the next, as in scipy: the recursions of different sections then
   * overlap in the CPU's pipeline.
   */
  public void processInPlace(double[] buffer, int offset, int length) {
    int end = offset + length;
    for (int n = offset; n < end; n++) {
      buffer[n] = process(buffer[n]);
    }
  }

  /** Filters a block into a new array. */
  public double[] process(double[] block) {
    double[] y = block.clone();
    processInPlace(y, 0, y.length);
    return y;
  }
}
