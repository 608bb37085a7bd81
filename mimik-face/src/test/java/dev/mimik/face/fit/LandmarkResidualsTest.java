package dev.mimik.face.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.LandmarkSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The landmark residuals' Jacobian rows against central differences of the projected landmarks. */
class LandmarkResidualsTest {

  /** Central-difference step, in each parameter's own unit (radians, rig units, log scale, weight, coefficient). */
  private static final double STEP = 1e-5;
  /** Allowed error, relative to the largest derivative of the parameter over all landmarks. */
  private static final double TOLERANCE = 1e-7;

  @ParameterizedTest(name = "{0} camera")
  @ValueSource(strings = {"pinhole", "weak", "generic"})
  void rowsAreTheDerivativesOfTheProjectedLandmarks(String kind) {
    FitFixtures.Face face = FitFixtures.face(kind, LandmarkSet.IBUG_53, RegionWeights.uniform(), 3);
    LandmarkModel model = face.model();
    LandmarkResiduals residuals = face.residuals();
    FitState s = face.state();
    int n = residuals.parameters(true, true);
    // analytic rows, spread into dense columns: du[parameter][landmark]
    double[][] du = new double[n][model.points];
    double[][] dv = new double[n][model.points];
    LandmarkResiduals.Rows rows = new LandmarkResiduals.Rows(n);
    for (int j = 0; j < model.points; j++) {
      residuals.rows(s, j, true, true, rows);
      for (int i = 0; i < rows.m; i++) {
        du[rows.idx[i]][j] = rows.ru[i];
        dv[rows.idx[i]][j] = rows.rv[i];
      }
    }
    for (int p = 0; p < n; p++) {
      double[] plus = FitFixtures.imageMoved(residuals, face.identity(), s, p, STEP);
      double[] minus = FitFixtures.imageMoved(residuals, face.identity(), s, p, -STEP);
      double largest = 0;
      for (int j = 0; j < model.points; j++) {
        largest = Math.max(largest, Math.max(Math.abs(du[p][j]), Math.abs(dv[p][j])));
      }
      for (int j = 0; j < model.points; j++) {
        double nu = (plus[2 * j] - minus[2 * j]) / (2 * STEP);
        double nv = (plus[2 * j + 1] - minus[2 * j + 1]) / (2 * STEP);
        assertThat(Math.abs(du[p][j] - nu)).as("du/dp, parameter %d, landmark %d", p, j)
            .isLessThanOrEqualTo(TOLERANCE * largest + 1e-9);
        assertThat(Math.abs(dv[p][j] - nv)).as("dv/dp, parameter %d, landmark %d", p, j)
            .isLessThanOrEqualTo(TOLERANCE * largest + 1e-9);
      }
    }
  }
}
