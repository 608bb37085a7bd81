package dev.mimik.face.fit;

import static dev.mimik.face.fit.FitState.POSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkSet;
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

  private FitOptions options;
  private LandmarkResiduals landmarks;
  private LocalDistanceResiduals pairs;
  private Observation frame;
  private double[] previous;

  @ParameterizedTest(name = "{0} camera")
  @ValueSource(strings = {"pinhole", "weak"})
  void gradientIsHalfTheDerivativeOfTheCost(String kind) {
    RegionWeights regions = new RegionWeights(2, 1, 1.5, 0.5, 1, 0.7);
    FitFixtures.Face face = FitFixtures.face(kind, LandmarkSet.IBUG_68, regions, 11);
    LandmarkModel model = face.model();
    double[] identity = face.identity();
    // priors strong enough to show in the gradient next to the landmarks
    options = new FitOptions(0.02, 0.01, 0.05, 0, 0, 1, regions, 0, LocalDistances.eyesAndLips());
    landmarks = face.residuals();
    pairs = new LocalDistanceResiduals(options.localDistances(), model.points);
    FitState s = face.state();
    frame = new Observation(landmarks.image(FitFixtures.state(model, face.camera(), face.rnd())), model.points);
    previous = FitFixtures.state(model, face.camera(), face.rnd()).w;
    FrameObjective objective = new FrameObjective(landmarks, pairs, options, frame, previous, true, true);
    int n = objective.dimension();
    NormalEquations eq = new NormalEquations(n);
    double cost = objective.linearize(s, eq);
    assertThat(objective.cost(s)).isEqualTo(cost);

    double largest = 0;
    for (double g : eq.g) {
      largest = Math.max(largest, Math.abs(g));
    }
    for (int p = 0; p < n; p++) {
      double half = (moved(objective, s, identity, p, STEP) - moved(objective, s, identity, p, -STEP)) / (4 * STEP);
      assertThat(eq.g[p]).as("parameter %d", p).isCloseTo(half, within(TOLERANCE * largest));
    }
    for (int p = 0; p < n; p++) {
      for (int q = 0; q < p; q++) {
        assertThat(eq.h[p * n + q]).isEqualTo(eq.h[q * n + p]);
      }
    }
  }

  /** The cost with parameter {@code p} moved by {@code size}: a pose or weight parameter, or an identity one. */
  private double moved(FrameObjective objective, FitState s, double[] identity, int p, double size) {
    int n = objective.dimension();
    int shapes = s.w.length;
    if (p < POSE + shapes) {
      return objective.cost(s.stepped(FitFixtures.unit(n, p, size), true));
    }
    double[] id = identity.clone();
    id[p - POSE - shapes] += size;
    return new FrameObjective(landmarks.withIdentity(id), pairs, options, frame, previous, true, true).cost(s);
  }
}
