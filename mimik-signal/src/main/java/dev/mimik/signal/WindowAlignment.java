package dev.mimik.signal;

/**
 * Where a window of samples sits relative to the time it describes.
 *
 * <p>{@link #CENTRED} is for offline work (the window looks equally into past and future); {@link #TRAILING}
 * is for live work (the window ends at that time and needs no future samples).
 */
public enum WindowAlignment {
  /** {@code L/2} samples before the anchor sample, the anchor, and {@code L - L/2 - 1} after it. */
  CENTRED,
  /** The anchor sample and the {@code L - 1} samples before it. */
  TRAILING;

  /** Index of the first sample of a window of {@code length} samples anchored at sample {@code anchor}. */
  public int firstSample(int anchor, int length) {
    return this == CENTRED ? anchor - length / 2 : anchor - length + 1;
  }
}
