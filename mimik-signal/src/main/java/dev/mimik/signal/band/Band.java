package dev.mimik.signal.band;

import dev.mimik.signal.filter.Butterworth;
import dev.mimik.signal.filter.Sos;

/**
 * A frequency band of a biosignal, filtered by a Butterworth band-pass.
 *
 * <p>The upper edge is clipped to 0.95 x Nyquist for the rate at hand (a 20-450 Hz EMG band on a 500 Hz
 * recording becomes 20-237.5 Hz), so one configuration fits every device.
 *
 * @param name short label, used for derived channel names ({@code "EMG"}, {@code "EOG"})
 * @param lowHz lower -3 dB edge, positive
 * @param highHz upper -3 dB edge, above {@code lowHz}
 * @param order order of the Butterworth prototype (the band-pass has twice as many poles)
 */
public record Band(String name, double lowHz, double highHz, int order) {

  /** Fraction of the Nyquist frequency above which the upper edge is clipped. */
  public static final double MAX_NYQUIST_FRACTION = 0.95;

  public Band {
    if (!(lowHz > 0 && highHz > lowHz)) {
      throw new IllegalArgumentException("band " + name + " needs 0 < low < high: " + lowHz + ", " + highHz);
    }
  }

  /** The default EMG band, 20-450 Hz, order 4. */
  public static Band emg() {
    return new Band("EMG", 20, 450, 4);
  }

  /** The default EOG band, 0.1-10 Hz, order 4 (as second-order sections this stays stable at 1 kHz and above). */
  public static Band eog() {
    return new Band("EOG", 0.1, 10, 4);
  }

  /** The upper edge actually used at sampling rate {@code fs}. */
  public double effectiveHighHz(double fs) {
    return Math.min(highHz, MAX_NYQUIST_FRACTION * fs / 2);
  }

  /** The band-pass for sampling rate {@code fs}. */
  public Sos design(double fs) {
    double high = effectiveHighHz(fs);
    if (!(lowHz < high)) {
      throw new IllegalArgumentException(
          "band " + name + " (" + lowHz + " Hz and up) does not fit below Nyquist at " + fs + " Hz");
    }
    return Butterworth.bandPass(order, lowHz, high, fs);
  }
}
