package dev.mimik.eval.refa;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.face.rig.FaceRig;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a recording's blendshapes with its exact truth, frame by frame (frames matched by time within half a
 * frame), and tells how each of its segments went, so that the REFA metrics can be set against the true error.
 * The mesh error is the mean distance between the avatar's vertices posed with the prediction and with the truth
 * (no alignment: both share the avatar's neutral and pose).
 */
public final class TruthComparison {

  private static final int N = Blendshapes.ARKIT_52.size();

  private final int[][] index;
  private final float[][] value;
  private final int vertices;
  private final double mm;

  /** A comparison on {@code avatar}, a rig with ARKit-named targets. */
  public TruthComparison(FaceRig avatar) {
    index = new int[N][];
    value = new float[N][];
    vertices = avatar.vertexCount();
    mm = avatar.millimetresPerUnit();
    for (int k = 0; k < N; k++) {
      int s = avatar.shapeIndex(Blendshapes.ARKIT_52.get(k));
      float[] d = s < 0 ? new float[0] : avatar.shapeDeltas().get(s);
      int n = 0;
      for (float x : d) {
        n += x != 0 ? 1 : 0;
      }
      index[k] = new int[n];
      value[k] = new float[n];
      n = 0;
      for (int i = 0; i < d.length; i++) {
        if (d[i] != 0) {
          index[k][n] = i;
          value[k][n++] = d[i];
        }
      }
    }
  }

  /**
   * One recording's comparison.
   *
   * @param errors the errors over all matched frames
   * @param frameMeshErrorMm per prediction frame, its mesh error (NaN where no true frame matched)
   */
  public record Result(TruthErrors errors, double[] frameMeshErrorMm) {

    /** The mean mesh error over the frames whose time lies in [a, b], NaN if none. */
    public double meshErrorMm(double[] times, double a, double b) {
      int[] f = RefaMetrics.frames(times, a, b);
      double s = 0;
      int n = 0;
      for (int i : f) {
        if (!Double.isNaN(frameMeshErrorMm[i])) {
          s += frameMeshErrorMm[i];
          n++;
        }
      }
      return n == 0 ? Double.NaN : s / n;
    }
  }

  /** Compares a prediction with the truth. */
  public Result compare(BlendshapeTrack predicted, BlendshapeTrack truth) {
    double[][] p = RefaMetrics.arkit(predicted);
    double[][] t = RefaMetrics.arkit(truth);
    double[] pt = predicted.timesSeconds();
    double[] tt = truth.timesSeconds();
    TruthErrors e = new TruthErrors();
    double[] mesh = new double[pt.length];
    int j = 0;
    for (int f = 0; f < pt.length; f++) {
      while (j + 1 < tt.length && Math.abs(tt[j + 1] - pt[f]) <= Math.abs(tt[j] - pt[f])) {
        j++;
      }
      double half = 0.5 * frameInterval(pt, f);
      if (tt.length == 0 || Math.abs(tt[j] - pt[f]) > half) {
        mesh[f] = Double.NaN;
        continue;
      }
      mesh[f] = meshErrorMm(p[f], t[j]);
      e.frame(p[f], t[j], mesh[f]);
    }
    return new Result(e, mesh);
  }

  /** The mean avatar vertex distance between two sets of ARKit weights, mm. */
  public double meshErrorMm(double[] a, double[] b) {
    double[] d = new double[3 * vertices];
    for (int k = 0; k < N; k++) {
      double dw = a[k] - b[k];
      if (dw == 0) {
        continue;
      }
      int[] idx = index[k];
      float[] val = value[k];
      for (int i = 0; i < idx.length; i++) {
        d[idx[i]] += dw * val[i];
      }
    }
    double s = 0;
    for (int v = 0; v < vertices; v++) {
      s += Math.sqrt(d[3 * v] * d[3 * v] + d[3 * v + 1] * d[3 * v + 1] + d[3 * v + 2] * d[3 * v + 2]);
    }
    return s / vertices * mm;
  }

  /** Each segment score beside the mesh error over the same apex frames. */
  public static List<double[]> pairs(List<SegmentScore> scores, Result truth, double[] times, RefaMetric metric) {
    List<double[]> out = new ArrayList<>();
    for (SegmentScore s : scores) {
      if (s.metric() != metric) {
        continue;
      }
      PromptSegment g = s.segment();
      double err = truth.meshErrorMm(times, g.apexStartS(), g.apexEndS());
      if (!Double.isNaN(err)) {
        out.add(new double[] {s.score(), err});
      }
    }
    return out;
  }

  private static double frameInterval(double[] t, int f) {
    if (t.length < 2) {
      return Double.POSITIVE_INFINITY;
    }
    return f + 1 < t.length ? t[f + 1] - t[f] : t[f] - t[f - 1];
  }
}
