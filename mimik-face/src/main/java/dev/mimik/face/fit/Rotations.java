package dev.mimik.face.fit;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * Rotation matrices as 9 doubles, row-major, acting on column vectors: the small set of operations a fitter applies
 * in its inner loop, without the allocation and quaternion round trips of Hipparchus {@link Rotation}, which is
 * used only at the edges.
 */
final class Rotations {

  private Rotations() {}

  /** The identity matrix. */
  static double[] identity() {
    return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
  }

  /**
   * Rodrigues' formula: the rotation {@code exp([v]x)} by angle {@code |v|} about {@code v}; to first order
   * {@code I + [v]x} below an angle of 1e-15, where the axis is undefined.
   */
  static double[] exp(double x, double y, double z) {
    double th = Math.sqrt(x * x + y * y + z * z);
    if (th < 1e-15) {
      return new double[] {1, -z, y, z, 1, -x, -y, x, 1};
    }
    double kx = x / th;
    double ky = y / th;
    double kz = z / th;
    double c = Math.cos(th);
    double s = Math.sin(th);
    double v = 1 - c;
    return new double[] {
      c + kx * kx * v, kx * ky * v - kz * s, kx * kz * v + ky * s,
      ky * kx * v + kz * s, c + ky * ky * v, ky * kz * v - kx * s,
      kz * kx * v - ky * s, kz * ky * v + kx * s, c + kz * kz * v
    };
  }

  /** The product {@code a b}. */
  static double[] multiply(double[] a, double[] b) {
    double[] c = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
      }
    }
    return c;
  }

  /** {@code out = r x} for a 3-vector {@code x}. */
  static void apply(double[] r, double[] x, double[] out) {
    out[0] = r[0] * x[0] + r[1] * x[1] + r[2] * x[2];
    out[1] = r[3] * x[0] + r[4] * x[1] + r[5] * x[2];
    out[2] = r[6] * x[0] + r[7] * x[1] + r[8] * x[2];
  }

  /** The matrix of a Hipparchus rotation. */
  static double[] of(Rotation rotation) {
    double[][] m = rotation.getMatrix();
    return new double[] {m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]};
  }

  /** The Hipparchus rotation of a matrix, orthonormalised if it has drifted (up to 1e-6). */
  static Rotation toRotation(double[] r) {
    double[][] m = {{r[0], r[1], r[2]}, {r[3], r[4], r[5]}, {r[6], r[7], r[8]}};
    return new Rotation(m, 1e-6);
  }
}
