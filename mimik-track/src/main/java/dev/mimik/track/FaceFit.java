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

  /** The paper's full method, mimik's default: ELAM, and LDL on eyelids and lips. */
  public static final FaceFit ELAM_LDL = new FaceFit("ELAM + LDL (eye, mouth)", true, LocalDistances.eyesAndLips());

  /** The landmarks as tracked. */
  public static final FaceFit PLAIN = new FaceFit("w/o ELAM, LDL", false, LocalDistances.off());
}
