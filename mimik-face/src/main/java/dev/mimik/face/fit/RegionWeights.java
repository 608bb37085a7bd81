package dev.mimik.face.fit;

import dev.mimik.core.data.LandmarkSet;

/**
 * How much each facial region's landmarks count in a fit (multipliers of their pixel residuals), so that, for
 * example, eye and mouth terms can be raised when those landmarks are trusted more.
 *
 * <p>Regions in the extended iBUG numbering: {@code contour} 0-4 and 12-16 (the sides of the face), {@code jaw}
 * 5-11 (chin and lower jaw line), {@code brows} 17-26, {@code nose} 27-35, {@code eyes} 36-47 and the pupils 68-69,
 * {@code mouth} 48-67.
 */
public record RegionWeights(double eyes, double brows, double mouth, double jaw, double nose, double contour) {

  public RegionWeights {
    for (double w : new double[] {eyes, brows, mouth, jaw, nose, contour}) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("region weights must be finite and non-negative");
      }
    }
  }

  /** Every landmark counts the same. */
  public static RegionWeights uniform() {
    return new RegionWeights(1, 1, 1, 1, 1, 1);
  }

  /** The weight of one landmark given by its extended iBUG index. */
  public double of(int ibug) {
    if (ibug == LandmarkSet.PUPIL_A || ibug == LandmarkSet.PUPIL_B || (ibug >= 36 && ibug <= 47)) {
      return eyes;
    }
    if (ibug >= 48 && ibug <= 67) {
      return mouth;
    }
    if (ibug >= 27 && ibug <= 35) {
      return nose;
    }
    if (ibug >= 17 && ibug <= 26) {
      return brows;
    }
    if (ibug >= 5 && ibug <= 11) {
      return jaw;
    }
    if (ibug >= 0 && ibug <= 16) {
      return contour;
    }
    throw new IllegalArgumentException("no landmark " + ibug + " in the extended iBUG numbering");
  }
}
