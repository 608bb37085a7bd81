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
  private final StandardisedRidge ridge;

  private RidgeBaseline(LandmarkSet set, StandardisedRidge ridge) {
    this.set = set;
    this.ridge = ridge;
  }

  /** Fits the baseline on windows {@code [frame][input][sample]} and targets {@code [frame][2*points]}. */
  public static RidgeBaseline fit(float[][][] windows, float[][] targets, LandmarkSet set, double lambda) {
    if (windows.length == 0 || windows.length != targets.length) {
      throw new IllegalArgumentException("need as many windows as targets, at least one");
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("lambda must not be negative: " + lambda);
    }
    double[][] features = new double[windows.length][];
    for (int f = 0; f < windows.length; f++) {
      features[f] = WindowFeatures.of(windows[f]);
    }
    // the penalty counts per frame here, as StandardisedRidge takes it
    return new RidgeBaseline(set, StandardisedRidge.fit(features, targets, lambda / windows.length));
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
    float[][] out = new float[windows.length][];
    for (int f = 0; f < windows.length; f++) {
      if (WindowFeatures.count(windows[f].length) != ridge.features()) {
        throw new IllegalArgumentException("window " + f + " has " + windows[f].length + " inputs, the baseline takes "
            + ridge.features() / 2);
      }
      out[f] = ridge.predict(WindowFeatures.of(windows[f]));
    }
    return out;
  }
}
