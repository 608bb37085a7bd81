package dev.mimik.face.fit;

import dev.mimik.face.camera.Camera;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * A first head pose in closed form, for a frame without a previous one: the affine camera that maps the neutral
 * landmarks to the observed points best in least squares, its two rows orthonormalised into a rotation (the third
 * row their cross product). Their mean length is the face's size in the image, which the camera turns into a depth
 * ({@link Camera#unproject}) or, when it does not see depth, takes as its magnification.
 */
final class InitialPose {

  private InitialPose() {}

  /**
   * The pose and camera, weights 0, of {@code shapes} targets.
   *
   * @param neutral the neutral landmark positions, 3 per landmark
   * @throws IllegalArgumentException when fewer than 4 landmarks are observed
   */
  static FitState estimate(Observation f, double[] neutral, Camera camera, int shapes) {
    int points = f.valid.length;
    double[] mx = new double[3];
    double[] my = new double[2];
    int count = 0;
    Vector2D principal = camera.principalPoint();
    double cx0 = principal.getX();
    double cy0 = principal.getY();
    for (int j = 0; j < points; j++) {
      if (f.valid[j]) {
        for (int c = 0; c < 3; c++) {
          mx[c] += neutral[3 * j + c];
        }
        my[0] += f.xy[2 * j] - cx0;
        my[1] += cy0 - f.xy[2 * j + 1];
        count++;
      }
    }
    if (count < 4) {
      throw new IllegalArgumentException("at least 4 landmarks are needed to fit a pose, got " + count);
    }
    for (int c = 0; c < 3; c++) {
      mx[c] /= count;
    }
    my[0] /= count;
    my[1] /= count;
    double[] xx = new double[9];
    double[] yx = new double[6];
    for (int j = 0; j < points; j++) {
      if (!f.valid[j]) {
        continue;
      }
      double[] d = {neutral[3 * j] - mx[0], neutral[3 * j + 1] - mx[1], neutral[3 * j + 2] - mx[2]};
      double[] e = {f.xy[2 * j] - cx0 - my[0], cy0 - f.xy[2 * j + 1] - my[1]};
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          xx[3 * a + b] += d[a] * d[b];
        }
        yx[a] += e[0] * d[a];
        yx[3 + a] += e[1] * d[a];
      }
    }
    for (int a = 0; a < 3; a++) {
      xx[4 * a] += 1e-9;
    }
    double[] r1 = CholeskySolver.solve(xx.clone(), yx, 3);
    double[] r2 = CholeskySolver.solve(xx.clone(), new double[] {yx[3], yx[4], yx[5]}, 3);
    double scale = 0.5 * (norm(r1) + norm(r2));
    Vector3D a1 = new Vector3D(r1[0], r1[1], r1[2]).normalize();
    Vector3D a2 = new Vector3D(r2[0], r2[1], r2[2]);
    a2 = a2.subtract(a1.scalarMultiply(a2.dotProduct(a1))).normalize();
    Vector3D a3 = Vector3D.crossProduct(a1, a2);
    double[] r = {a1.getX(), a1.getY(), a1.getZ(), a2.getX(), a2.getY(), a2.getZ(), a3.getX(), a3.getY(),
      a3.getZ()};
    double[] rm = new double[3];
    Rotations.apply(r, mx, rm);
    Camera cam = camera.seesDepth() ? camera : camera.withMagnification(scale);
    Vector3D centre = cam.unproject(my[0], my[1], scale);
    // a camera that does not see depth leaves the face at depth 0
    double[] t = {centre.getX() - rm[0], centre.getY() - rm[1], cam.seesDepth() ? centre.getZ() - rm[2] : 0};
    return new FitState(r, t, new double[shapes], cam);
  }

  private static double norm(double[] v) {
    return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  }
}
