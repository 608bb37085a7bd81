package dev.mimik.face.fit;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;

/**
 * The part of a rig a landmark fit needs: for each landmark of a set, its neutral position and how each expression
 * target and identity mode moves it (rig units). Pupils (extended iBUG 68, 69) are the eyeball vertices nearest
 * to each eyeball's neutral pupil.
 *
 * <p>A set without the pupils cannot see the gaze: a gaze target ({@link #isGaze}) pulls the lids as a blink or a
 * wide eye does, and only a pupil tells the two apart. Without pupils the gaze targets move no landmark here, so
 * their weights rest at 0 instead of explaining the lids.
 */
final class LandmarkModel {

  final int points;
  final int shapes;
  final int modes;
  final int[] ibug;
  /** Neutral positions, 3 per landmark. */
  final double[] neutral;
  /** Expression basis, row (3 * landmark + axis), column target: {@code shapeBasis[row * shapes + k]}. */
  final double[] shapeBasis;
  /** Identity basis, {@code identityBasis[row * modes + i]}. */
  final double[] identityBasis;
  /** Targets moving a landmark by less than this (a micrometre) are treated as not moving it. */
  static final double NEGLIGIBLE_MM = 1e-3;

  /** Per landmark, the targets that move it (the others' basis entries are set to zero). */
  final int[][] movers;

  /**
   * Per target, the factor on the L2 weight prior: {@code 1 + c m / s}, where {@code s} is the target's squared
   * landmark motion in the image plane, {@code m} the median of that over the targets that move a landmark and
   * {@code c} {@link #WEAKLY_SEEN_GAIN}. A target the landmarks barely see has a weight they barely hold, which a
   * warm-started fit otherwise lets drift to its bound on a flat direction of the cost (or push there with a
   * millimetre of lip the rest shape missed); the prior holds it the harder the less it is seen.
   */
  final double[] priorScale;
  /** The gain {@code c} of {@link #priorScale} (chosen on foreign faces, docs/notes/fit.md). */
  static final double WEAKLY_SEEN_GAIN = 2.5;

  LandmarkModel(FaceRig rig, LandmarkSet set) {
    this.ibug = set.ibugIndices();
    boolean pupils = set.positionOf(LandmarkSet.PUPIL_A) >= 0 || set.positionOf(LandmarkSet.PUPIL_B) >= 0;
    boolean[] gaze = new boolean[rig.shapeCount()];
    for (int k = 0; k < gaze.length; k++) {
      gaze[k] = !pupils && isGaze(rig, k);
    }
    this.points = ibug.length;
    this.shapes = rig.shapeCount();
    this.modes = rig.identityNames().size();
    this.neutral = new double[3 * points];
    this.shapeBasis = new double[3 * points * shapes];
    this.identityBasis = new double[3 * points * modes];
    this.movers = new int[points][];
    for (int j = 0; j < points; j++) {
      int v = vertexOf(rig, ibug[j]);
      final int vertex = v;
      double negligible = NEGLIGIBLE_MM / rig.millimetresPerUnit();
      movers[j] = java.util.stream.IntStream.range(0, shapes).filter(k -> !gaze[k]).filter(k -> {
        float[] d = rig.shapeDeltas().get(k);
        double x = d[3 * vertex];
        double y = d[3 * vertex + 1];
        double z = d[3 * vertex + 2];
        return x * x + y * y + z * z >= negligible * negligible;
      }).toArray();
      for (int c = 0; c < 3; c++) {
        int row = 3 * j + c;
        neutral[row] = rig.neutral()[3 * v + c];
        for (int k : movers[j]) {
          shapeBasis[row * shapes + k] = rig.shapeDeltas().get(k)[3 * v + c];
        }
        for (int i = 0; i < modes; i++) {
          identityBasis[row * modes + i] = rig.identityDeltas().get(i)[3 * v + c];
        }
      }
    }
    this.priorScale = priorScale();
  }

  private double[] priorScale() {
    double[] seen = new double[shapes];
    for (int row = 0; row < 3 * points; row++) {
      if (row % 3 != 2) {
        for (int k = 0; k < shapes; k++) {
          seen[k] += shapeBasis[row * shapes + k] * shapeBasis[row * shapes + k];
        }
      }
    }
    double[] moving = java.util.Arrays.stream(seen).filter(x -> x > 0).sorted().toArray();
    double median = moving.length == 0 ? 0 : moving[moving.length / 2];
    double[] out = new double[shapes];
    for (int k = 0; k < shapes; k++) {
      out[k] = seen[k] > 0 ? 1 + WEAKLY_SEEN_GAIN * median / seen[k] : 1;
    }
    return out;
  }

  /**
   * Rest positions of the landmarks of a person: the neutral moved by the identity coefficients and by the
   * landmarks' offsets ({@link RestShape}).
   */
  double[] personNeutral(RestShape rest) {
    double[] identity = rest.identity();
    double[] offsets = rest.offsets();
    if (offsets.length != 0 && offsets.length != neutral.length) {
      throw new IllegalArgumentException("the rest shape has offsets for " + offsets.length / 3
          + " landmarks, the set has " + points);
    }
    double[] out = neutral.clone();
    for (int row = 0; row < out.length; row++) {
      for (int i = 0; i < identity.length; i++) {
        out[row] += identity[i] * identityBasis[row * modes + i];
      }
      if (offsets.length != 0) {
        out[row] += offsets[row];
      }
    }
    return out;
  }

  /**
   * Whether target {@code k} of the rig moves the gaze: an ARKit {@code eyeLook} target, or one that moves an
   * eyeball's pupil.
   */
  static boolean isGaze(FaceRig rig, int k) {
    if (rig.shapeNames().get(k).startsWith("eyeLook")) {
      return true;
    }
    float[] d = rig.shapeDeltas().get(k);
    for (Eyeball eye : new Eyeball[] {rig.leftEye(), rig.rightEye()}) {
      if (eye != null) {
        int v = eye.pupilVertex(rig.neutral());
        if (d[3 * v] != 0 || d[3 * v + 1] != 0 || d[3 * v + 2] != 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The rig vertex of an extended iBUG landmark. */
  static int vertexOf(FaceRig rig, int ibugIndex) {
    if (ibugIndex < 68) {
      return rig.landmarkVertices()[ibugIndex];
    }
    // iBUG 36-41 outline the subject's right eye (-X): its pupil is PUPIL_A
    Eyeball eye = ibugIndex == LandmarkSet.PUPIL_A ? rig.rightEye() : rig.leftEye();
    if (eye == null) {
      throw new IllegalArgumentException("rig " + rig.name() + " has no eyeballs, so no pupil landmarks");
    }
    return eye.pupilVertex(rig.neutral());
  }
}
