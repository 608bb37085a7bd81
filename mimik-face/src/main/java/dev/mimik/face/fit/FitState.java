package dev.mimik.face.fit;

import dev.mimik.face.camera.Camera;
import dev.mimik.face.camera.HeadPose;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * A head pose (rotation matrix and translation), the camera seen through (whose magnification is fitted when it does
 * not see depth) and the expression weights, as a fit moves them; immutable, a step makes a new state.
 *
 * <p>The parameters a step moves, in order: a rotation increment (3, applied on the left), the translation along
 * x and y, then the translation along z for a camera that sees depth or the log of the magnification for one that
 * does not ({@link Camera#seesDepth}); then the weights, kept in [0, 1].
 */
final class FitState {

  /** Number of pose parameters, before the weights. */
  static final int POSE = 6;

  final double[] r;
  final double[] t;
  final double[] w;
  final Camera camera;
  /** Whether the sixth pose parameter is the depth (else the log magnification). */
  final boolean seesDepth;

  FitState(double[] r, double[] t, double[] w, Camera camera) {
    this.r = r;
    this.t = t;
    this.w = w;
    this.camera = camera;
    this.seesDepth = camera.seesDepth();
  }

  /**
   * The state of a previous frame's fit, its weights clamped to [0, 1]; through a camera that does not see depth,
   * with the previous fit's magnification.
   */
  static FitState of(FitResult previous, Camera camera, int shapes) {
    Camera cam = camera;
    Camera before = previous.camera();
    if (!camera.seesDepth() && before != null && !before.seesDepth()) {
      cam = camera.withMagnification(before.magnification());
    }
    Vector3D t = previous.pose().translation();
    double[] w = previous.weights().clone();
    for (int k = 0; k < shapes; k++) {
      w[k] = Math.min(1, Math.max(0, w[k]));
    }
    return new FitState(Rotations.of(previous.pose().rotation()), new double[] {t.getX(), t.getY(), t.getZ()}, w,
        cam);
  }

  /** The state moved by {@code step} (pose parameters, then the weights when {@code withWeights}). */
  FitState stepped(double[] step, boolean withWeights) {
    double[] nr = Rotations.multiply(Rotations.exp(step[0], step[1], step[2]), r);
    double[] nt = t.clone();
    nt[0] += step[3];
    nt[1] += step[4];
    Camera nc = camera;
    if (seesDepth) {
      nt[2] += step[5];
    } else {
      nc = camera.withMagnification(camera.magnification() * Math.exp(step[5]));
    }
    double[] nw = w;
    if (withWeights) {
      nw = new double[w.length];
      for (int k = 0; k < w.length; k++) {
        nw[k] = Math.min(1, Math.max(0, w[k] + step[POSE + k]));
      }
    }
    return new FitState(nr, nt, nw, nc);
  }

  FitResult result(double residualPx, int iterations) {
    HeadPose pose = new HeadPose(Rotations.toRotation(r), new Vector3D(t[0], t[1], t[2]));
    return new FitResult(pose, camera, w.clone(), residualPx, iterations);
  }
}
