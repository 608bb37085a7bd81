package dev.mimik.eval.eyes;

import dev.mimik.face.eyes.Eye;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.PosedMesh;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores a reconstructed 3D face sequence against the true one on the terms of "Eye Motion Matters" (issue 7): the
 * eye state per eye and frame, the mouth closure per frame, and the NoW-style mesh error of the eye and mouth
 * regions. Both sequences are rig weights (in the rig's shape order) with an identity, frame for frame.
 *
 * <p>A true eye is closed when its 3D aperture is below {@link #CLOSED_FRACTION} of its neutral aperture and open
 * at {@link #OPEN_FRACTION} or more; frames in between (lids on their way) are not scored. A reconstructed eye is
 * open at {@link #CLOSED_FRACTION} or more: a closed eye in the input must be fully closed in 3D. Open is the
 * positive class. A mouth is closed when its mean inner-lip gap (frontal view) is less than {@link #MOUTH_CLOSED_MM}
 * wider than the same identity's neutral face's (a rig's neutral lips meet at their inner contour, but the landmark
 * vertices of the inner lip need not coincide: the embedded rig's sit 5 mm apart).
 */
public final class ReconstructionScores {

  /** A 3D eye is closed below this fraction of its neutral aperture. */
  public static final double CLOSED_FRACTION = 0.15;
  /** A true eye is scored as open from this fraction of its neutral aperture. */
  public static final double OPEN_FRACTION = 0.5;
  /** A mouth is closed when its mean inner-lip gap exceeds the neutral one by less than this, in millimetres. */
  public static final double MOUTH_CLOSED_MM = 1.0;
  /** Region radius around the eye / mouth landmarks, in millimetres. */
  static final double REGION_MM = 10;

  /** One reconstruction's figures. */
  public record Row(String name, StateScores eyes, StateScores mouth, MeshError eyeRegion, MeshError mouthRegion) {}

  private final FaceRig rig;
  private final int[] eyeRegion;
  private final int[] mouthRegion;

  public ReconstructionScores(FaceRig rig) {
    this.rig = rig;
    this.eyeRegion = region(36, 47);
    this.mouthRegion = region(48, 67);
  }

  /**
   * Scores a reconstruction.
   *
   * @param trueWeights {@code [frame][shape]} in rig order
   * @param trueIdentity the true identity coefficients (may be empty)
   * @param fitWeights the reconstruction's, same frames
   * @param fitIdentity the reconstruction's identity
   * @param meshEvery the mesh error is taken on every this many frames (it searches the whole true surface)
   */
  public Row score(String name, double[][] trueWeights, double[] trueIdentity, double[][] fitWeights,
      double[] fitIdentity, int meshEvery) {
    double[] trueOpen = openApertures(trueIdentity);
    double[] fitOpen = openApertures(fitIdentity);
    List<Boolean> eyeTruth = new ArrayList<>();
    List<Boolean> eyeFit = new ArrayList<>();
    double trueClosed = mouthGapMm(PosedMesh.of(rig, new double[rig.shapeCount()], trueIdentity)) + MOUTH_CLOSED_MM;
    double fitClosed = mouthGapMm(PosedMesh.of(rig, new double[rig.shapeCount()], fitIdentity)) + MOUTH_CLOSED_MM;
    Boolean[] mouthTruth = new Boolean[trueWeights.length];
    boolean[] mouthFit = new boolean[trueWeights.length];
    List<double[]> eyeD = new ArrayList<>();
    List<double[]> mouthD = new ArrayList<>();
    for (int f = 0; f < trueWeights.length; f++) {
      float[] truth = PosedMesh.of(rig, trueWeights[f], trueIdentity);
      float[] fit = PosedMesh.of(rig, fitWeights[f], fitIdentity);
      double[] trueEyes = apertures(truth, trueOpen);
      double[] fitEyes = apertures(fit, fitOpen);
      for (int e = 0; e < trueEyes.length; e++) {
        double a = trueEyes[e];
        if (a < CLOSED_FRACTION || a >= OPEN_FRACTION) {
          eyeTruth.add(a >= OPEN_FRACTION);
          eyeFit.add(fitEyes[e] >= CLOSED_FRACTION);
        }
      }
      mouthTruth[f] = mouthGapMm(truth) >= trueClosed;
      mouthFit[f] = mouthGapMm(fit) >= fitClosed;
      if (f % meshEvery == 0) {
        eyeD.add(MeshError.distances(fit, truth, rig.triangles(), eyeRegion, rig.millimetresPerUnit()));
        mouthD.add(MeshError.distances(fit, truth, rig.triangles(), mouthRegion, rig.millimetresPerUnit()));
      }
    }
    boolean[] eyeFitArray = new boolean[eyeFit.size()];
    for (int i = 0; i < eyeFitArray.length; i++) {
      eyeFitArray[i] = eyeFit.get(i);
    }
    return new Row(name, StateScores.of(eyeTruth.toArray(Boolean[]::new), eyeFitArray),
        StateScores.of(mouthTruth, mouthFit), MeshError.summarise(flatten(eyeD)), MeshError.summarise(flatten(mouthD)));
  }

  /**
   * Each eye's 3D aperture relative to the same identity's neutral one, per frame ({@code [frame][eye.ordinal()]}).
   *
   * @param weights {@code [frame][shape]} in rig order
   */
  public double[][] relativeApertures(double[][] weights, double[] identity) {
    double[] open = openApertures(identity);
    double[][] out = new double[weights.length][];
    for (int f = 0; f < out.length; f++) {
      out[f] = apertures(PosedMesh.of(rig, weights[f], identity), open);
    }
    return out;
  }

  /** Each eye's aperture in the identity's neutral face, in {@link Eye} order. */
  private double[] openApertures(double[] identity) {
    float[] neutral = PosedMesh.of(rig, new double[rig.shapeCount()], identity);
    double[] unit = new double[Eye.values().length];
    Arrays.fill(unit, 1);
    return apertures(neutral, unit);
  }

  /** Each eye's aperture in a posed mesh over its open aperture, in {@link Eye} order. */
  private double[] apertures(float[] mesh, double[] open) {
    Eye[] eyes = Eye.values();
    double[] out = new double[eyes.length];
    for (Eye e : eyes) {
      out[e.ordinal()] = e.aperture(mesh, rig.landmarkVertices()) / open[e.ordinal()];
    }
    return out;
  }

  /** Mean inner-lip gap (iBUG 61-67, 62-66, 63-65) in the frontal view, millimetres. */
  private double mouthGapMm(float[] mesh) {
    int[] lv = rig.landmarkVertices();
    int[][] pairs = {{61, 67}, {62, 66}, {63, 65}};
    double gap = 0;
    for (int[] p : pairs) {
      gap += Math.abs(mesh[3 * lv[p[0]] + 1] - mesh[3 * lv[p[1]] + 1]);
    }
    return gap / pairs.length * rig.millimetresPerUnit();
  }

  /** Vertices within {@link #REGION_MM} of the neutral landmarks from..to (iBUG). */
  private int[] region(int from, int to) {
    float[] n = rig.neutral();
    double r = REGION_MM / rig.millimetresPerUnit();
    return IntStream.range(0, rig.vertexCount()).filter(v -> {
      for (int j = from; j <= to; j++) {
        int l = rig.landmarkVertices()[j];
        double dx = n[3 * v] - n[3 * l];
        double dy = n[3 * v + 1] - n[3 * l + 1];
        double dz = n[3 * v + 2] - n[3 * l + 2];
        if (dx * dx + dy * dy + dz * dz <= r * r) {
          return true;
        }
      }
      return false;
    }).toArray();
  }

  private static double[] flatten(List<double[]> parts) {
    return parts.stream().flatMapToDouble(Arrays::stream).toArray();
  }
}
