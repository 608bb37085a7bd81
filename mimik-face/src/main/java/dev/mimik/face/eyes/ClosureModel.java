package dev.mimik.face.eyes;

/**
 * Closure probability from an eyelid aperture ratio: a logistic on the aperture relative to the person's open-eye
 * aperture, {@code p = 1 / (1 + exp(slope * (aperture / open - midpoint)))}.
 *
 * <p>The defaults put the midpoint at 0.55 of the open aperture, where a blink is half way (the 50% threshold of the
 * paper's eye state detector), with a slope of 16, so that 0.35 of the open aperture reads as closed with p = 0.96
 * and 0.75 reads as open with p = 0.04. Landmark detectors rarely put the lids fully together on a closed eye, so
 * the midpoint sits well above 0: a detected aperture of a third of the open one is already a closed eye.
 *
 * @param openAperture the person's open-eye aperture ratio (see {@link #calibrated})
 * @param midpoint relative aperture at which the probability is 0.5
 * @param slope steepness (per unit of relative aperture)
 */
public record ClosureModel(double openAperture, double midpoint, double slope) {

  /** Quantile of a track's apertures taken as the open-eye aperture: eyes are open most of the time. */
  public static final double OPEN_QUANTILE = 0.9;

  public ClosureModel {
    if (!(openAperture > 0) || !(midpoint > 0 && midpoint < 1) || !(slope > 0)) {
      throw new IllegalArgumentException("bad closure model: open aperture " + openAperture + ", midpoint "
          + midpoint + ", slope " + slope);
    }
  }

  /** The default logistic for a person whose open-eye aperture ratio is known. */
  public static ClosureModel forOpenAperture(double openAperture) {
    return new ClosureModel(openAperture, 0.55, 16);
  }

  /**
   * Calibrates the open-eye aperture on a person's track: the {@link #OPEN_QUANTILE} quantile of the finite
   * apertures (blinks take a few percent of the time and wide eyes are rare, so this is the usual open eye).
   */
  public static ClosureModel calibrated(double[] apertures) {
    double[] finite = java.util.Arrays.stream(apertures).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) {
      throw new IllegalArgumentException("no finite aperture to calibrate the open eye on");
    }
    double open = finite[(int) Math.min(finite.length - 1, Math.floor(OPEN_QUANTILE * finite.length))];
    return forOpenAperture(open);
  }

  /** Closure probability of one aperture ratio; NaN gives 0.5 (no information). */
  public double closure(double aperture) {
    if (!Double.isFinite(aperture)) {
      return 0.5;
    }
    return 1 / (1 + Math.exp(slope * (aperture / openAperture - midpoint)));
  }
}
