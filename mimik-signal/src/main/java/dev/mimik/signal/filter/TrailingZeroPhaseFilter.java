package dev.mimik.signal.filter;

/**
 * The zero-phase band of a stream's last samples, kept as the samples come: {@link ZeroPhaseSosFilter} on those
 * samples but for its forward pass, which here runs once over the whole stream, its state kept from block to block,
 * instead of again over the window each time. Only the backward pass reruns when the band is asked for, from the
 * stream's end extended as {@code sosfiltfilt} extends it (the odd extension, run through a copy of the forward
 * state): half the work of filtering the window again, and the window's start no longer has a forward start-up
 * transient. The forward pass starts in the steady state of the stream's first sample.
 *
 * <p>Not thread-safe: one instance per channel.
 */
public final class TrailingZeroPhaseFilter {

  private final Sos sos;
  private final int pad;
  private final CausalSosFilter forward;
  private final double[] raw;
  private final double[] forwardOut;
  private int filled;
  private boolean started;

  /**
   * @param sos the filter
   * @param capacity how many of the last samples the band covers (more than the filter's edge padding)
   */
  public TrailingZeroPhaseFilter(Sos sos, int capacity) {
    if (capacity <= sos.defaultPadLength()) {
      throw new IllegalArgumentException("a window of " + capacity + " samples is not longer than the edge padding ("
          + sos.defaultPadLength() + ")");
    }
    this.sos = sos;
    this.pad = sos.defaultPadLength();
    this.forward = new CausalSosFilter(sos);
    this.raw = new double[capacity];
    this.forwardOut = new double[capacity];
  }

  /** Adds the stream's next samples. */
  public void push(double[] x) {
    if (x.length == 0) {
      return;
    }
    if (!started) {
      forward.settleAt(x[0]);
      started = true;
    }
    double[] y = forward.process(x);
    int capacity = raw.length;
    int take = Math.min(x.length, capacity);
    int keep = Math.min(filled, capacity - take);
    System.arraycopy(raw, filled - keep, raw, 0, keep);
    System.arraycopy(forwardOut, filled - keep, forwardOut, 0, keep);
    System.arraycopy(x, x.length - take, raw, keep, take);
    System.arraycopy(y, y.length - take, forwardOut, keep, take);
    filled = keep + take;
  }

  /** How many samples the band covers now: the last ones pushed, at most the capacity. */
  public int size() {
    return filled;
  }

  /**
   * The band of the last {@link #size()} samples, oldest first; the stream must have more samples than the
   * filter's edge padding.
   */
  public double[] band() {
    if (filled <= pad) {
      throw new IllegalStateException("zero-phase filtering needs more than " + pad
          + " samples (the edge padding), got " + filled);
    }
    double[] after = OddExtension.after(raw, filled, pad);
    forward.copy().processInPlace(after, 0, pad);
    double[] y = new double[filled];
    System.arraycopy(forwardOut, 0, y, 0, filled);
    CausalSosFilter backward = new CausalSosFilter(sos).settleAt(after[pad - 1]);
    backward.processReversedInPlace(after, 0, pad);
    backward.processReversedInPlace(y, 0, filled);
    return y;
  }
}
