package dev.mimik.face.rig;

/**
 * Evaluates a rig: {@code neutral + sum identity_i * identityDeltas[i] + sum w_k * shapeDeltas[k]}, in rig units
 * and rig axes (no head pose).
 */
public final class PosedMesh {

  private PosedMesh() {}

  /**
   * The posed vertex positions, flat xyz.
   *
   * @param weights one weight per expression target (usually 0..1)
   * @param identity one coefficient per identity mode, or an empty array for the average face
   */
  public static float[] of(FaceRig rig, double[] weights, double[] identity) {
    if (weights.length != rig.shapeCount() || (identity.length != 0
        && identity.length != rig.identityNames().size())) {
      throw new IllegalArgumentException("expected " + rig.shapeCount() + " weights and "
          + rig.identityNames().size() + " identity coefficients, got " + weights.length + " and "
          + identity.length);
    }
    float[] out = rig.neutral().clone();
    addScaled(out, rig.identityDeltas(), identity);
    addScaled(out, rig.shapeDeltas(), weights);
    return out;
  }

  private static void addScaled(float[] out, java.util.List<float[]> deltas, double[] coefficients) {
    for (int k = 0; k < coefficients.length; k++) {
      float c = (float) coefficients[k];
      if (c == 0) {
        continue;
      }
      float[] d = deltas.get(k);
      for (int i = 0; i < out.length; i++) {
        out[i] += c * d[i];
      }
    }
  }
}
