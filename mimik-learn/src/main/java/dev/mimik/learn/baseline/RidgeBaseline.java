package dev.mimik.learn.baseline;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.LandmarkRegressor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The baseline BioNet must beat: ridge regression from per-frame {@link WindowFeatures} (RMS / band power per input)
 * to landmark coordinates. Features are standardised and targets centred, so the penalty {@code lambda} does not
 * shrink the intercept and treats every feature alike.
 */
public final class RidgeBaseline implements LandmarkRegressor {

  private final LandmarkSet set;
  private final double[] featureMean;
  private final double[] featureStd;
  private final double[] targetMean;
  private final DMatrixRMaj weights; // [features x coordinates]

  private RidgeBaseline(LandmarkSet set, double[] featureMean, double[] featureStd, double[] targetMean, DMatrixRMaj weights) {
    this.set = set;
    this.featureMean = featureMean;
    this.featureStd = featureStd;
    this.targetMean = targetMean;
    this.weights = weights;
  }

  /** Fits the baseline on windows {@code [frame][input][sample]} and targets {@code [frame][2*points]}. */
  public static RidgeBaseline fit(float[][][] windows, float[][] targets, LandmarkSet set, double lambda) {
    if (windows.length == 0 || windows.length != targets.length) {
      throw new IllegalArgumentException("need as many windows as targets, at least one");
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("lambda must not be negative: " + lambda);
    }
    int n = windows.length;
    int k = WindowFeatures.count(windows[0].length);
    int m = targets[0].length;
    double[][] features = new double[n][];
    double[] mean = new double[k];
    for (int f = 0; f < n; f++) {
      features[f] = WindowFeatures.of(windows[f]);
      for (int j = 0; j < k; j++) {
        mean[j] += features[f][j] / n;
      }
    }
    double[] std = new double[k];
    for (double[] row : features) {
      for (int j = 0; j < k; j++) {
        std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < k; j++) {
      std[j] = Math.max(Math.sqrt(std[j]), 1e-12);
    }
    double[] tMean = new double[m];
    for (float[] t : targets) {
      for (int c = 0; c < m; c++) {
        tMean[c] += t[c] / (double) n;
      }
    }
    DMatrixRMaj x = new DMatrixRMaj(n, k);
    DMatrixRMaj y = new DMatrixRMaj(n, m);
    for (int f = 0; f < n; f++) {
      for (int j = 0; j < k; j++) {
        x.set(f, j, (features[f][j] - mean[j]) / std[j]);
      }
      for (int c = 0; c < m; c++) {
        y.set(f, c, targets[f][c] - tMean[c]);
      }
    }
    return new RidgeBaseline(set, mean, std, tMean, solve(x, y, lambda + 1e-12 * n));
  }

  /**
   * The ridge solution {@code (X'X + diagonal I)^-1 X'Y} by Cholesky (EJML), shared by every linear baseline.
   *
   * @throws IllegalArgumentException when the system is singular (raise the penalty)
   */
  public static DMatrixRMaj solve(DMatrixRMaj x, DMatrixRMaj y, double diagonal) {
    int k = x.numCols;
    DMatrixRMaj gram = new DMatrixRMaj(k, k);
    CommonOps_DDRM.multTransA(x, x, gram);
    for (int j = 0; j < k; j++) {
      gram.add(j, j, diagonal);
    }
    DMatrixRMaj xty = new DMatrixRMaj(k, y.numCols);
    CommonOps_DDRM.multTransA(x, y, xty);
    DMatrixRMaj w = new DMatrixRMaj(k, y.numCols);
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(k);
    if (!solver.setA(gram)) {
      throw new IllegalArgumentException("ridge system is singular; raise lambda");
    }
    solver.solve(xty, w);
    return w;
  }

  @Override
  public LandmarkSet landmarkSet() {
    return set;
  }

  @Override
  public float[][] predict(float[][][] windows) {
    int k = featureMean.length;
    int m = targetMean.length;
    float[][] out = new float[windows.length][m];
    for (int f = 0; f < windows.length; f++) {
      if (WindowFeatures.count(windows[f].length) != k) {
        throw new IllegalArgumentException("window " + f + " has " + windows[f].length + " inputs, the baseline takes " + k / 2);
      }
      double[] features = WindowFeatures.of(windows[f]);
      for (int c = 0; c < m; c++) {
        double v = targetMean[c];
        for (int j = 0; j < k; j++) {
          v += (features[j] - featureMean[j]) / featureStd[j] * weights.get(j, c);
        }
        out[f][c] = (float) v;
      }
    }
    return out;
  }
}
