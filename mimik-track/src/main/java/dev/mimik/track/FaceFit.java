package dev.mimik.track;

import dev.mimik.face.fit.LocalDistances;

/**
 * How the 3D fit treats eyes and lips ("Eye Motion Matters"): the eyelid landmark adjustment (ELAM) by the eye state
 * before the fit, and the weights of the local dynamic loss (LDL) on eyelid and lip distances.
 *
 * @param name a label for reports
 * @param elam whether the eyelid landmarks are moved to the eye state first
 * @param localDistances the LDL weights
 */
public record FaceFit(String name, boolean elam, LocalDistances localDistances) {

  /**
   * The weight of the LDL pairs in mimik's default. A pair's residual is divided by its eye's or mouth's width, a
   * landmark's by the face's diagonal, 5-8 times larger: at weight 1 a pixel of lid or lip opening outweighs a pixel
   * of landmark position some 40 times, and the fit bends every shape to match the openings. At this weight the two
   * are about even (docs/notes/fit.md).
   */
  public static final double LDL_WEIGHT = 0.15;

  /** The paper's full method, mimik's default: ELAM, and LDL on eyelids and lips at {@link #LDL_WEIGHT}. */
  public static final FaceFit ELAM_LDL = new FaceFit("ELAM + LDL (eye, mouth)", true,
      new LocalDistances(LDL_WEIGHT, LDL_WEIGHT));

  /** The landmarks as tracked. */
  public static final FaceFit PLAIN = new FaceFit("w/o ELAM, LDL", false, LocalDistances.off());
}
