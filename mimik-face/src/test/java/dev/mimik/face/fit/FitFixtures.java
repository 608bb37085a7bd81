package dev.mimik.face.fit;

import static dev.mimik.face.fit.FitState.POSE;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.camera.Camera;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.camera.WeakPerspectiveCamera;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.util.Random;

/** Seeded faces, cameras and parameter steps for the fit package's derivative tests. */
final class FitFixtures {

  static final FaceRig RIG = EmbeddedRig.load();

  private FitFixtures() {}

  /**
   * A seeded case to differentiate at: a camera, a landmark set's model, a random person and their residuals, a
   * state, and the generator for more.
   */
  record Face(Camera camera, LandmarkModel model, double[] identity, LandmarkResiduals residuals, FitState state,
      Random rnd) {}

  static Face face(String cameraKind, LandmarkSet set, RegionWeights regions, long seed) {
    Camera camera = camera(cameraKind);
    LandmarkModel model = new LandmarkModel(RIG, set);
    Random rnd = new Random(seed);
    double[] identity = identity(model, rnd);
    LandmarkResiduals residuals = new LandmarkResiduals(model, RestShape.of(identity), regions, camera);
    return new Face(camera, model, identity, residuals, state(model, camera, rnd), rnd);
  }

  /** A 640x480 camera for a face 60 cm away: pinhole, weak-perspective, or "generic" (default Jacobian). */
  static Camera camera(String kind) {
    PinholeCamera pinhole = new PinholeCamera(800, 320, 240, 640, 480);
    return switch (kind) {
      case "pinhole" -> pinhole;
      case "weak" -> new WeakPerspectiveCamera(800 / (600 / RIG.millimetresPerUnit()), 320, 240);
      default -> pinhole::project; // closed-form projection, Jacobian by the interface's default differences
    };
  }

  private static double[] identity(LandmarkModel model, Random rnd) {
    double[] identity = new double[model.modes];
    for (int c = 0; c < identity.length; c++) {
      identity[c] = 0.5 * rnd.nextGaussian();
    }
    return identity;
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

  /** A step of {@code size} in parameter {@code p} alone. */
  static double[] unit(int n, int p, double size) {
    double[] step = new double[n];
    step[p] = size;
    return step;
  }

  /**
   * The landmarks' image with parameter {@code p} (pose, weight or identity coefficient, in the rows' order) moved
   * by {@code size} from {@code s} and the person of {@code residuals}, whose identity is {@code identity}.
   */
  static double[] imageMoved(LandmarkResiduals residuals, double[] identity, FitState s, int p, double size) {
    LandmarkModel model = residuals.model();
    if (p < POSE + model.shapes) {
      return residuals.image(s.stepped(unit(POSE + model.shapes, p, size), true));
    }
    double[] moved = identity.clone();
    moved[p - POSE - model.shapes] += size;
    return residuals.withIdentity(moved).image(s);
  }
}
