package dev.mimik.eval.refa;

import dev.mimik.core.data.Blendshapes;

/**
 * The usual errors of blendshapes against the exact truth, accumulated over frames (and over recordings by
 * {@link #add}): mean absolute error overall and per blendshape, Pearson r per blendshape, and the mean distance in
 * millimetres between the avatar's vertices posed with the prediction and with the truth.
 */
public final class TruthErrors {

  private static final int N = Blendshapes.ARKIT_52.size();

  private long frames;
  private double absSum;
  private double meshSum;
  private final double[] abs = new double[N];
  private final double[] sx = new double[N];
  private final double[] sy = new double[N];
  private final double[] sxx = new double[N];
  private final double[] syy = new double[N];
  private final double[] sxy = new double[N];

  /** Adds one frame: predicted and true weights in ARKit order, and their avatar mesh error (mm). */
  public void frame(double[] predicted, double[] truth, double meshErrorMm) {
    frames++;
    meshSum += meshErrorMm;
    for (int k = 0; k < N; k++) {
      double p = predicted[k];
      double t = truth[k];
      double e = Math.abs(p - t);
      abs[k] += e;
      absSum += e;
      sx[k] += t;
      sy[k] += p;
      sxx[k] += t * t;
      syy[k] += p * p;
      sxy[k] += t * p;
    }
  }

  /** Adds everything another accumulator holds. */
  public void add(TruthErrors o) {
    frames += o.frames;
    absSum += o.absSum;
    meshSum += o.meshSum;
    for (int k = 0; k < N; k++) {
      abs[k] += o.abs[k];
      sx[k] += o.sx[k];
      sy[k] += o.sy[k];
      sxx[k] += o.sxx[k];
      syy[k] += o.syy[k];
      sxy[k] += o.sxy[k];
    }
  }

  public long frames() {
    return frames;
  }

  /** Mean absolute error over frames and the 52 blendshapes. */
  public double mae() {
    return absSum / (frames * (double) N);
  }

  /** Mean absolute error of blendshape {@code k} (ARKit order). */
  public double mae(int k) {
    return abs[k] / frames;
  }

  /** Mean avatar vertex distance, millimetres. */
  public double meshErrorMm() {
    return meshSum / frames;
  }

  /** Pearson r between predicted and true blendshape {@code k}; NaN where either does not vary. */
  public double pearson(int k) {
    double n = frames;
    double vt = sxx[k] - sx[k] * sx[k] / n;
    double vp = syy[k] - sy[k] * sy[k] / n;
    if (vt < 1e-9 * n || vp < 1e-9 * n) {
      return Double.NaN;
    }
    return (sxy[k] - sx[k] * sy[k] / n) / Math.sqrt(vt * vp);
  }

  /** The largest value blendshape {@code k} takes on average in truth (to list the blendshapes that matter). */
  public double truthMean(int k) {
    return sx[k] / frames;
  }
}
