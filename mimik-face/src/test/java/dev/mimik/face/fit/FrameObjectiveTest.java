package dev.mimik.face.fit;

import static dev.mimik.face.fit.FitState.POSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.camera.Camera;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole frame cost (landmarks, eyelid and lip pairs, weight priors with a previous frame): its gradient half
 * {@code g = J^T r} is half the central-difference gradient of the cost, and its normal-equations matrix is
 * symmetric.
 */
class FrameObjectiveTest {

  private static final double STEP = 1e-5;
  private static final double TOLERANCE = 1e-6;

  @ParameterizedTest(name = "{0} camera")
  @ValueSource(strings = {"pinhole", "weak"})
  void gradientIsHalfTheDerivativeOfTheCost(String kind) {
    Camera camera = LandmarkResidualsTest.camera(kind);
    LandmarkModel model = new LandmarkModel(LandmarkResidualsTest.RIG, LandmarkSet.IBUG_68);
    Random rnd = new Random(11);
    double[] identity = new double[model.modes];
    for (int c = 0; c < identity.length; c++) {
      identity[c] = 0.5 * rnd.nextGaussian();
    }
    RegionWeights regions = new RegionWeights(2, 1, 1.5, 0.5, 1, 0.7);
    // priors strong enough to show in the gradient next to the landmarks
    FitOptions options = new FitOptions(0.02, 0.01, 0.05, 0, 0, 1, regions, 0, LocalDistances.eyesAndLips());
    LandmarkResiduals landmarks = new LandmarkResiduals(model, identity, regions, camera);
    LocalDistanceResiduals pairs = new LocalDistanceResiduals(options.localDistances(), model.points);
    FitState s = LandmarkResidualsTest.state(model, camera, rnd);
    Observation f = new Observation(landmarks.image(LandmarkResidualsTest.state(model, camera, rnd)), model.points);
    double[] previous = LandmarkResidualsTest.state(model, camera, rnd).w;
    FrameObjective objective = new FrameObjective(landmarks, pairs, options, f, previous, true, true);
    int n = objective.dimension();
    NormalEquations eq = new NormalEquations(n);
    double cost = objective.linearize(s, eq);
    assertThat(objective.cost(s)).isEqualTo(cost);

    double largest = 0;
    for (double g : eq.g) {
      largest = Math.max(largest, Math.abs(g));
    }
    for (int p = 0; p < n; p++) {
      double plus;
      double minus;
      if (p < POSE + model.shapes) {
        plus = objective.cost(s.stepped(LandmarkResidualsTest.unit(n, p, STEP), true));
        minus = objective.cost(s.stepped(LandmarkResidualsTest.unit(n, p, -STEP), true));
      } else {
        plus = withIdentity(landmarks, pairs, options, f, previous, identity, p - POSE - model.shapes, STEP).cost(s);
        minus = withIdentity(landmarks, pairs, options, f, previous, identity, p - POSE - model.shapes, -STEP)
            .cost(s);
      }
      double half = (plus - minus) / (4 * STEP);
      assertThat(eq.g[p]).as("parameter %d", p).isCloseTo(half, within(TOLERANCE * largest));
    }
    for (int p = 0; p < n; p++) {
      for (int q = 0; q < p; q++) {
        assertThat(eq.h[p * n + q]).isEqualTo(eq.h[q * n + p]);
      }
    }
  }

  private static FrameObjective withIdentity(LandmarkResiduals landmarks, LocalDistanceResiduals pairs,
      FitOptions options, Observation f, double[] previous, double[] identity, int c, double step) {
    double[] id = identity.clone();
    id[c] += step;
    return new FrameObjective(landmarks.withIdentity(id), pairs, options, f, previous, true, true);
  }
}
