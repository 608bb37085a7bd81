package dev.mimik.signal.filter;

/**
 * A streaming IIR filter: second-order sections in transposed direct form II with explicit state, the same
 * arithmetic as {@code scipy.signal.sosfilt}.
 *
 * <p>Feed it sample by sample or block by block; the output does not depend on how the input is cut into
 * blocks. This is the filter for live tracking; offline work may use {@link ZeroPhaseSosFilter}. Not thread-safe:
 * one instance per channel.
 */
public final class CausalSosFilter {

  /** Samples filtered section by section at a time (fits the L1 cache). */
  private static final int CHUNK = 256;

  private final double[][] sos;
  private final double[][] state;

  /** A filter at rest (zero state), like {@code sosfilt} without {@code zi}. */
  public CausalSosFilter(Sos sos) {
    this.sos = sos.sections();
    this.state = new double[this.sos.length][2];
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
    double[][] zi = new Sos(sos).steadyStateStates();
    for (int i = 0; i < sos.length; i++) {
      state[i][0] = zi[i][0] * level;
      state[i][1] = zi[i][1] * level;
    }
    return this;
  }

  /** Clears the state. */
  public void reset() {
    for (double[] s : state) {
      s[0] = 0;
      s[1] = 0;
    }
  }

  /** Filters one sample. */
  public double process(double x) {
    double v = x;
    for (int i = 0; i < sos.length; i++) {
      double[] c = sos[i];
      double[] z = state[i];
      double y = c[0] * v + z[0];
      z[0] = c[1] * v - c[4] * y + z[1];
      z[1] = c[2] * v - c[5] * y;
      v = y;
    }
    return v;
  }

  /** Filters {@code length} samples of {@code buffer} from {@code offset}, replacing them by the output. */
  public void processInPlace(double[] buffer, int offset, int length) {
    int end = offset + length;
    for (int from = offset; from < end; from += CHUNK) {
      processChunk(buffer, from, Math.min(end, from + CHUNK));
    }
  }

  /**
   * Section by section over a chunk short enough to stay in the L1 cache: the same operations per sample as
   * sample-major order, so the output is identical whatever the block size.
   */
  private void processChunk(double[] buffer, int from, int to) {
    for (int i = 0; i < sos.length; i++) {
      double[] c = sos[i];
      double b0 = c[0];
      double b1 = c[1];
      double b2 = c[2];
      double a1 = c[4];
      double a2 = c[5];
      double z0 = state[i][0];
      double z1 = state[i][1];
      for (int n = from; n < to; n++) {
        double v = buffer[n];
        double y = b0 * v + z0;
        z0 = b1 * v - a1 * y + z1;
        z1 = b2 * v - a2 * y;
        buffer[n] = y;
      }
      state[i][0] = z0;
      state[i][1] = z1;
    }
  }

  /** Filters a block into a new array. */
  public double[] process(double[] block) {
    double[] y = block.clone();
    processInPlace(y, 0, y.length);
    return y;
  }
}
