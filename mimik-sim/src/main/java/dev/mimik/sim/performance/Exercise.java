package dev.mimik.sim.performance;

import java.util.Map;

/**
 * The voluntary facial exercises of the Fridlund-montage exercise table ({@code emg-fridlund/exercises.csv}), each
 * with its apex as ARKit-52 weights.
 *
 * <p>The apexes follow the usual FACS reading of each exercise through the same AU-to-ARKit correspondence as
 * {@link Expression}, with one rule: an action unit the reading names outright at 1, one it puts in brackets at
 * 0.5; lips part (AU25), which no montage muscle contracts for, as {@code jawOpen} 0.2. The reasons, written before
 * any comparison with the table, are in {@code docs/notes/eifer-exercises.md}.
 */
public enum Exercise implements PosedFace {
  /** AU1+2. */
  FOREHEAD_WRINKLE(Map.of("browInnerUp", 1.0, "browOuterUp", 1.0)),
  /** AU43 with AU6+7. */
  EYES_CLOSED_TIGHT(Map.of("eyeBlink", 1.0, "cheekSquint", 1.0, "eyeSquint", 1.0)),
  /** AU9 (+AU4). */
  NOSE_WRINKLE(Map.of("noseSneer", 1.0, "browDown", 0.5)),
  /** AU12 (+AU6). */
  SMILE_CLOSED_MOUTH(Map.of("mouthSmile", 1.0, "cheekSquint", 0.5)),
  /** AU12+25 (+AU6, AU10). */
  SMILE_OPEN_MOUTH(Map.of("mouthSmile", 1.0, "jawOpen", 0.2, "cheekSquint", 0.5, "mouthUpperUp", 0.5)),
  /** AU18 (+AU22). */
  LIP_PUCKER(Map.of("mouthPucker", 1.0, "mouthFunnel", 0.5)),
  /** AU10+12+25 with AU20. */
  TEETH_BARING(Map.of("mouthUpperUp", 1.0, "mouthSmile", 1.0, "jawOpen", 0.2, "mouthStretch", 1.0)),
  /** AU15 (+AU17). */
  MOUTH_CORNERS_DOWN(Map.of("mouthFrown", 1.0, "mouthShrugLower", 0.5));

  private final double[] apex;

  Exercise(Map<String, Double> bases) {
    apex = Apexes.of(bases);
  }

  @Override
  public double[] apex() {
    return apex.clone();
  }

  /** The row name in the exercise table, e.g. {@code "lip_pucker"}. */
  @Override
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
