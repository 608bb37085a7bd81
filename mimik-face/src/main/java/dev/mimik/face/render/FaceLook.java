package dev.mimik.face.render;

/**
 * How one person's face reflects near-infrared light, and what they wear: per-person appearance for the renderer.
 *
 * @param skinAlbedo skin reflectance (about 0.4-0.65 at 850 nm, less spread than in visible light)
 * @param browDarkness how much eyebrows darken the skin, 0..1
 * @param lashDarkness how much the upper lash line darkens the lid margin, 0..1
 * @param lipFactor lip reflectance relative to skin
 * @param beard beard coverage of the chin, jaw and lower cheeks, 0..1
 * @param moustache moustache coverage of the upper lip, 0..1
 * @param hairAlbedo reflectance of facial hair
 * @param irisAlbedo iris reflectance (dark in these images)
 * @param scleraAlbedo sclera reflectance
 * @param pupilRadiusMm pupil radius
 * @param glasses the spectacle frame worn, or null
 */
public record FaceLook(double skinAlbedo, double browDarkness, double lashDarkness, double lipFactor, double beard,
    double moustache, double hairAlbedo, double irisAlbedo, double scleraAlbedo, double pupilRadiusMm,
    GlassesStyle glasses) {

  /** An average face without facial hair or glasses. */
  public static FaceLook plain() {
    return new FaceLook(0.55, 0.5, 0.4, 0.85, 0, 0, 0.2, 0.15, 0.75, 2.5, null);
  }

  /** The same face wearing {@code style} (null for none). */
  public FaceLook withGlasses(GlassesStyle style) {
    return new FaceLook(skinAlbedo, browDarkness, lashDarkness, lipFactor, beard, moustache, hairAlbedo, irisAlbedo,
        scleraAlbedo, pupilRadiusMm, style);
  }

  /** The same face with this beard and moustache coverage. */
  public FaceLook withFacialHair(double beardCoverage, double moustacheCoverage) {
    return new FaceLook(skinAlbedo, browDarkness, lashDarkness, lipFactor, beardCoverage, moustacheCoverage,
        hairAlbedo, irisAlbedo, scleraAlbedo, pupilRadiusMm, glasses);
  }
}
