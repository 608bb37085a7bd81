package dev.mimik.signal.band;

import dev.mimik.signal.filter.Notch;
import dev.mimik.signal.filter.Sos;

/**
 * Power-line interference removal: notches at the mains frequency and its harmonics.
 *
 * @param mainsHz 50 or 60
 * @param q quality factor of each notch (width {@code f / q})
 * @param harmonics how many frequencies to notch: 1 for the fundamental only, 3 for 50, 100 and 150 Hz
 */
public record MainsNotch(double mainsHz, double q, int harmonics) {

  public MainsNotch {
    if (!(mainsHz > 0 && q > 0 && harmonics >= 1)) {
      throw new IllegalArgumentException("bad mains notch: " + mainsHz + " Hz, Q " + q + ", " + harmonics + " harmonics");
    }
  }

  /** 50 Hz and its harmonics up to 250 Hz, Q 30. */
  public static MainsNotch europe() {
    return new MainsNotch(50, 30, 5);
  }

  /** 60 Hz and its harmonics up to 300 Hz, Q 30. */
  public static MainsNotch americas() {
    return new MainsNotch(60, 30, 5);
  }

  /** The notch sections for sampling rate {@code fs}; harmonics at or above Nyquist are left out. */
  public Sos design(double fs) {
    return Notch.withHarmonics(mainsHz, q, fs, mainsHz * harmonics);
  }
}
