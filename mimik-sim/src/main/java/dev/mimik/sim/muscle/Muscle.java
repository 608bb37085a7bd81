package dev.mimik.sim.muscle;

import java.util.Map;

/**
 * A facial (or jaw) muscle with the blendshapes that contract it and its surface amplitude.
 *
 * <p>Positions are the centre of the muscle belly under the skin on the subject's left side, in the face frame used
 * by montages: millimetres, origin midway between the eye centres, +X to the subject's left, +Y up, +Z forward.
 * The right-side muscle is the mirror image ({@code -x}). The blendshape map follows FACS (AU1 medial frontalis,
 * AU2 lateral frontalis, AU4 corrugator/depressor supercilii/procerus, AU6 orbicularis oculi pars orbitalis, AU9/10
 * levator labii, AU12 zygomaticus major, AU15 depressor anguli oris, AU17 mentalis, AU18/22-24 orbicularis oris,
 * AU26/31 masseter and temporalis) through the usual ARKit correspondence. The lip and chin co-activations that
 * FACS does not list (orbicularis oris and mentalis in smiles, lip stretching) are not here but in
 * {@link CoActivation}, measured on the voluntary-exercise table. Side-less names ({@code jawOpen},
 * {@code browInnerUp}) act on both sides; {@code mouthSmile} means {@code mouthSmileLeft} on the left muscle.
 *
 * <p>{@link #microvoltsAtFull()} is the RMS amplitude (uV) of the muscle's surface EMG at full activation and
 * volume-conduction gain 1 (a 10 mm bipolar lead centred on the muscle sees about 79 % of it), calibrated on the
 * real per-emotion Fridlund-montage amplitudes ({@code FridlundCalibration.fit(table, 0)} in {@code sim.sensor}, the
 * fit without shrinkage, on {@code emg-fridlund/fridlund.csv}) with the lip and chin co-activation weights the
 * simulator had before they were measured on the exercise table. They are kept, not refitted: under the measured
 * co-activations that table, whose happy row has no zygomaticus value, would put the zygomaticus at 0 and silence
 * every smile. {@code mimik emg experiment} recalibrates them for its own sessions. Two muscles have no Fridlund
 * channel and keep set values: the temporalis, near its synergist the masseter, and the auricular muscles around
 * the ear, which co-contract with facial expressions (smiling, brow raising; Benning et al. 2004, Hackley 2015) and
 * matter for the earpiece montage; their FACS weights and 15 uV amplitude are modelling choices, not measurements.
 * The platysma, the superficial sheet over the mandible from the mouth corner to the neck, stands for the jaw
 * openers that no Fridlund channel covers: it is recruited with the suprahyoid muscles when the jaw opens wide
 * (AU26/27) and drives lip stretching and lowering (AU20, AU16, AU21 in fear); its centre over the body of the
 * mandible lies about 40 mm below an electrode on the masseter, so jaw opening in speech and surprise reaches the
 * earpiece. Its weights and 25 uV amplitude are modelling choices too.
 */
public enum Muscle {
  DEPRESSOR_ANGULI_ORIS("DAO", new double[] {25, -82, 12}, 13.91,
      Map.of("mouthFrown", 1.0, "mouthLowerDown", 0.3)),
  ORBICULARIS_ORIS("OrbOr", new double[] {16, -60, 20}, 53.59,
      Map.of("mouthPucker", 1.0, "mouthFunnel", 1.0, "mouthPress", 0.8, "mouthRollLower", 0.6,
          "mouthRollUpper", 0.6, "mouthClose", 0.5)),
  MENTALIS("Ment", new double[] {8, -92, 14}, 43.52, Map.of("mouthShrugLower", 1.0, "mouthRollLower", 0.2)),
  MASSETER("Mass", new double[] {55, -72, -25}, 9.40, 
      Map.of("mouthPress", 0.3, "mouthClose", 0.4, "jawOpen", 0.1)),
  ZYGOMATICUS_MAJOR("Zyg", new double[] {42, -42, 8}, 62.94, Map.of("mouthSmile", 1.0, "cheekSquint", 0.3)),
  LEVATOR_LABII("Llsup", new double[] {17, -30, 18}, 1.35, Map.of("noseSneer", 0.8, "mouthUpperUp", 1.0)),
  ORBICULARIS_OCULI("OrbOc", new double[] {44, -14, 2}, 10.90,
      Map.of("eyeSquint", 0.8, "cheekSquint", 1.0, "eyeBlink", 0.6)),
  LATERAL_FRONTALIS("lat Front", new double[] {36, 42, 6}, 4.55, Map.of("browOuterUp", 1.0, "eyeWide", 0.2)),
  MEDIAL_FRONTALIS("med Front", new double[] {13, 48, 12}, 8.75, Map.of("browInnerUp", 1.0)),
  CORRUGATOR("Corr", new double[] {16, 18, 12}, 18.05, Map.of("browDown", 1.0)),
  DEPRESSOR_SUPERCILII("Deprsup", new double[] {7, 9, 14}, 12.99, Map.of("browDown", 0.8, "noseSneer", 0.4)),
  TEMPORALIS(null, new double[] {62, 28, -42}, 6.00, Map.of("mouthPress", 0.3, "mouthClose", 0.4)),
  AURICULARIS(null, new double[] {68, 10, -58}, 15.00,
      Map.of("mouthSmile", 0.3, "browOuterUp", 0.4, "browInnerUp", 0.2, "eyeWide", 0.2, "noseSneer", 0.2,
          "mouthStretch", 0.2)),
  PLATYSMA(null, new double[] {48, -98, -12}, 25.00,
      Map.of("jawOpen", 0.5, "mouthStretch", 0.8, "mouthLowerDown", 0.5, "mouthFrown", 0.3));

  private final String fridlundName;
  private final double[] leftPosition;
  private final double microvoltsAtFull;
  private final Map<String, Double> shapes;

  Muscle(String fridlundName, double[] leftPosition, double microvoltsAtFull, Map<String, Double> shapes) {
    this.fridlundName = fridlundName;
    this.leftPosition = leftPosition;
    this.microvoltsAtFull = microvoltsAtFull;
    this.shapes = shapes;
  }

  /** The muscle's column name in the Fridlund table ({@code "Zyg"}, {@code "Corr"}, ...), or null if it has none. */
  public String fridlundName() {
    return fridlundName;
  }

  /** Whether the Fridlund montage has a channel over this muscle. */
  public boolean onFridlund() {
    return fridlundName != null;
  }

  /** Centre of the muscle on the given side, face frame, millimetres (a new array). */
  public double[] position(Side side) {
    return new double[] {side == Side.LEFT ? leftPosition[0] : -leftPosition[0], leftPosition[1], leftPosition[2]};
  }

  /** Surface RMS amplitude in microvolts at full activation and volume-conduction gain 1. */
  public double microvoltsAtFull() {
    return microvoltsAtFull;
  }

  /** ARKit base names (without Left/Right) and how strongly each contracts this muscle by FACS. */
  public Map<String, Double> shapes() {
    return shapes;
  }

  /** The side of a bilateral muscle. */
  public enum Side {
    LEFT("li"), RIGHT("re");

    private final String fridlundSuffix;

    Side(String fridlundSuffix) {
      this.fridlundSuffix = fridlundSuffix;
    }

    /** The side suffix used in the Fridlund table ({@code "li"}, {@code "re"}). */
    public String fridlundSuffix() {
      return fridlundSuffix;
    }
  }
}
