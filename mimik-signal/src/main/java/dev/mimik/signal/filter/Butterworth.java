package dev.mimik.signal.filter;

import uk.me.berndporr.iirj.Biquad;

/**
 * Butterworth low-, high- and band-pass designs as second-order sections, with the same response as
 * {@code scipy.signal.butter(order, edges, btype, fs=fs, output='sos')}.
 *
 * <p>The design is iirj's. iirj's band-pass takes a centre and a width rather than two edges; its digital
 * band-pass transform places the band edges at {@code centre -/+ width/2}, so the arithmetic centre and the
 * difference of the edges give scipy's filter (checked against scipy in the tests). The pairing of poles into
 * sections differs from scipy's, the overall response does not.
 */
public final class Butterworth {

  private Butterworth() {}

  /** Low-pass of the given order (number of poles) with its -3 dB point at {@code cutoffHz}. */
  public static Sos lowPass(int order, double cutoffHz, double fs) {
    checkEdge(cutoffHz, fs);
    uk.me.berndporr.iirj.Butterworth b = new uk.me.berndporr.iirj.Butterworth();
    b.lowPass(checkOrder(order), fs, cutoffHz);
    return sosOf(b);
  }

  /** High-pass of the given order (number of poles) with its -3 dB point at {@code cutoffHz}. */
  public static Sos highPass(int order, double cutoffHz, double fs) {
    checkEdge(cutoffHz, fs);
    uk.me.berndporr.iirj.Butterworth b = new uk.me.berndporr.iirj.Butterworth();
    b.highPass(checkOrder(order), fs, cutoffHz);
    return sosOf(b);
  }

  /**
   * Band-pass between two -3 dB edges; like scipy, {@code order} is that of the low-pass prototype, so the
   * filter has {@code 2 * order} poles and {@code order} sections.
   */
  public static Sos bandPass(int order, double lowHz, double highHz, double fs) {
    checkEdge(lowHz, fs);
    checkEdge(highHz, fs);
    if (!(lowHz < highHz)) {
      throw new IllegalArgumentException("band edges must increase: " + lowHz + " >= " + highHz);
    }
    uk.me.berndporr.iirj.Butterworth b = new uk.me.berndporr.iirj.Butterworth();
    b.bandPass(checkOrder(order), fs, 0.5 * (lowHz + highHz), highHz - lowHz);
    return sosOf(b);
  }

  private static Sos sosOf(uk.me.berndporr.iirj.Butterworth b) {
    double[][] rows = new double[b.getNumBiquads()][];
    for (int i = 0; i < rows.length; i++) {
      Biquad q = b.getBiquad(i);
      rows[i] = Sos.section(q.getB0(), q.getB1(), q.getB2(), q.getA0(), q.getA1(), q.getA2());
    }
    return new Sos(rows);
  }

  private static int checkOrder(int order) {
    if (order < 1 || order > 16) {
      throw new IllegalArgumentException("Butterworth order must be 1..16: " + order);
    }
    return order;
  }

  private static void checkEdge(double hz, double fs) {
    if (!(hz > 0 && hz < fs / 2)) {
      throw new IllegalArgumentException("edge " + hz + " Hz must lie strictly between 0 and Nyquist " + fs / 2);
    }
  }
}
