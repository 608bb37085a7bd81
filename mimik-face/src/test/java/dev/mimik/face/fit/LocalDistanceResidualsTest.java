package dev.mimik.face.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkSet;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One eyelid pair's residual and normal equations against central differences of the projected landmarks. */
class LocalDistanceResidualsTest {

  private static final double STEP = 1e-5;
  private static final double TOLERANCE = 1e-7;

  @ParameterizedTest(name = "{0} camera")
  @ValueSource(strings = {"pinhole", "weak"})
  void aPairAddsTheNormalEquationsOfItsDifferenceVector(String kind) {
    FitFixtures.Face face = FitFixtures.face(kind, LandmarkSet.IBUG_68, RegionWeights.uniform(), 5);
    LandmarkModel model = face.model();
    LandmarkResiduals landmarks = face.residuals();
    FitState s = face.state();
    // observed: another face's landmarks, only the right eye's upper/lower pair 37-41 and its corners 36, 39
    double[] xy = landmarks.image(FitFixtures.state(model, face.camera(), face.rnd()));
    int[] kept = {37, 41, 36, 39};
    double[] observed = new double[xy.length];
    Arrays.fill(observed, Double.NaN);
    for (int j : kept) {
      observed[2 * j] = xy[2 * j];
      observed[2 * j + 1] = xy[2 * j + 1];
    }
    Observation f = new Observation(observed, model.points);
    double weight = 0.7;
    double scale = weight / Math.hypot(xy[72] - xy[78], xy[73] - xy[79]);
    LocalDistanceResiduals pairs = new LocalDistanceResiduals(new LocalDistances(weight, 0), model.points);
    int n = landmarks.parameters(true, true);
    NormalEquations eq = new NormalEquations(n);
    double cost = pairs.addTo(eq, f, s, landmarks, true, true, new LocalDistanceResiduals.Workspace(n));
    eq.symmetrise();

    double[] r = residual(landmarks.image(s), xy, scale);
    assertThat(cost).isCloseTo(r[0] * r[0] + r[1] * r[1], within(1e-12 * cost));
    double[][] jac = new double[n][];
    for (int p = 0; p < n; p++) {
      double[] rp = residual(FitFixtures.imageMoved(landmarks, face.identity(), s, p, STEP), xy, scale);
      double[] rm = residual(FitFixtures.imageMoved(landmarks, face.identity(), s, p, -STEP), xy, scale);
      jac[p] = new double[] {(rp[0] - rm[0]) / (2 * STEP), (rp[1] - rm[1]) / (2 * STEP)};
    }
    double largestH = Arrays.stream(eq.h).map(Math::abs).max().orElseThrow();
    double largestG = Arrays.stream(eq.g).map(Math::abs).max().orElseThrow();
    for (int p = 0; p < n; p++) {
      double g = jac[p][0] * r[0] + jac[p][1] * r[1];
      assertThat(eq.g[p]).as("gradient, parameter %d", p).isCloseTo(g, within(TOLERANCE * largestG));
      for (int q = 0; q < n; q++) {
        double h = jac[p][0] * jac[q][0] + jac[p][1] * jac[q][1];
        assertThat(eq.h[p * n + q]).as("J^T J, parameters %d, %d", p, q).isCloseTo(h, within(TOLERANCE * largestH));
      }
    }
  }

  /** {@code scale ((fit_37 - fit_41) - (observed_37 - observed_41))}. */
  private static double[] residual(double[] fit, double[] observed, double scale) {
    return new double[] {
      scale * ((fit[74] - fit[82]) - (observed[74] - observed[82])),
      scale * ((fit[75] - fit[83]) - (observed[75] - observed[83]))
    };
  }
}
