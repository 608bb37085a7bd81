package dev.mimik.face.fit;

import static dev.mimik.face.fit.FitState.POSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.camera.Camera;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.camera.WeakPerspectiveCamera;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The landmark residuals' Jacobian rows against central differences of the projected landmarks. */
class LandmarkResidualsTest {

  static final FaceRig RIG = EmbeddedRig.load();
  /** Central-difference step, in each parameter's own unit (radians, rig units, log scale, weight, coefficient). */
  private static final double STEP = 1e-5;
  /** Allowed error, relative to the largest derivative of the parameter over all landmarks. */
  private static final double TOLERANCE = 1e-7;

  @ParameterizedTest(name = "{0} camera")
  @ValueSource(strings = {"pinhole", "weak", "generic"})
  void rowsAreTheDerivativesOfTheProjectedLandmarks(String kind) {
    Camera camera = camera(kind);
    LandmarkModel model = new LandmarkModel(RIG, LandmarkSet.IBUG_53);
    Random rnd = new Random(3);
    double[] identity = new double[model.modes];
    for (int c = 0; c < identity.length; c++) {
      identity[c] = 0.5 * rnd.nextGaussian();
    }
    LandmarkResiduals residuals = new LandmarkResiduals(model, identity, RegionWeights.uniform(), camera);
    FitState s = state(model, camera, rnd);
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
      double[] plus;
      double[] minus;
      if (p < POSE + model.shapes) {
        plus = residuals.image(s.stepped(unit(n, p, STEP), true));
        minus = residuals.image(s.stepped(unit(n, p, -STEP), true));
      } else {
        int c = p - POSE - model.shapes;
        plus = residuals.withIdentity(shifted(identity, c, STEP)).image(s);
        minus = residuals.withIdentity(shifted(identity, c, -STEP)).image(s);
      }
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

  static Camera camera(String kind) {
    PinholeCamera pinhole = new PinholeCamera(800, 320, 240, 640, 480);
    return switch (kind) {
      case "pinhole" -> pinhole;
      case "weak" -> new WeakPerspectiveCamera(800 / (600 / RIG.millimetresPerUnit()), 320, 240);
      default -> pinhole::project; // closed-form projection, Jacobian by the interface's default differences
    };
  }

  /** A turned, shifted face with weights well inside (0, 1), so that steps are not clamped. */
  static FitState state(LandmarkModel model, Camera camera, Random rnd) {
    double[] r = Rotations.exp(0.3 * rnd.nextGaussian(), 0.3 * rnd.nextGaussian(), 0.1 * rnd.nextGaussian());
    double depth = 600 / RIG.millimetresPerUnit();
    double[] t = {rnd.nextGaussian(), rnd.nextGaussian(), camera.seesDepth() ? -depth : 0};
    double[] w = new double[model.shapes];
    for (int k = 0; k < w.length; k++) {
      w[k] = 0.2 + 0.6 * rnd.nextDouble();
    }
    return new FitState(r, t, w, camera);
  }

  static double[] unit(int n, int p, double size) {
    double[] step = new double[n];
    step[p] = size;
    return step;
  }

  private static double[] shifted(double[] v, int c, double size) {
    double[] out = v.clone();
    out[c] += size;
    return out;
  }
}
