package dev.mimik.face.render;

/**
 * How images are formed beyond the geometry: the skin's reflectance model and the sensor. Two presets make the two
 * domains of REFA §6.3: {@link #synthetic()} (clean Lambertian renders) and {@link #captured()} (another appearance
 * model: light scattered under the skin, an oily sheen, a softer lens, shot and row noise, hot pixels, a non-linear
 * response and exposure that wanders), so that a model trained on one meets a real gap on the other.
 *
 * @param name a short name for files
 * @param wrap subsurface "wrap" of the diffuse term: {@code max(0, (n.l + wrap) / (1 + wrap))}; 0 is Lambert
 * @param sheen strength of a broad specular lobe on skin (Blinn-Phong, exponent 16)
 * @param glint strength of the corneal reflections of the LEDs
 * @param blurPx Gaussian blur sigma in pixels at a 64-pixel-wide image (scaled with the width)
 * @param vignetting relative fall-off at the image corners
 * @param readNoise standard deviation of additive noise, fraction of full scale
 * @param shotNoise standard deviation of signal-dependent noise at full scale (grows with the square root)
 * @param rowNoise standard deviation of a per-row offset (rolling-shutter read-out)
 * @param hotPixels fraction of pixels stuck bright for a camera
 * @param gamma sensor response exponent applied to the exposed signal (1 is linear)
 * @param exposureJitter frame-to-frame relative change of exposure (auto-exposure hunting, LED drive)
 */
public record Look(String name, double wrap, double sheen, double glint, double blurPx, double vignetting,
    double readNoise, double shotNoise, double rowNoise, double hotPixels, double gamma, double exposureJitter) {

  /** Clean renders: Lambertian skin, a little blur and noise, linear response. */
  public static Look synthetic() {
    return new Look("synthetic", 0, 0, 3.0, 0.45, 0.25, 0.008, 0, 0, 0, 1, 0);
  }

  /** The "real" domain's appearance model. */
  public static Look captured() {
    return new Look("captured", 0.35, 0.12, 2.0, 0.9, 0.45, 0.012, 0.03, 0.008, 0.0015, 0.8, 0.04);
  }

  /** The same look without any randomness (for exposure metering and tests). */
  public Look noiseless() {
    return new Look(name, wrap, sheen, glint, blurPx, vignetting, 0, 0, 0, 0, gamma, 0);
  }
}
