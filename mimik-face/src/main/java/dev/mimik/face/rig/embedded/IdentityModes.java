package dev.mimik.face.rig.embedded;

import static dev.mimik.face.rig.embedded.FaceAnatomy.bump;
import static dev.mimik.face.rig.embedded.FaceAnatomy.sigmoid;

import dev.mimik.face.rig.Eyeball;
import java.util.List;

/**
 * Six identity modes of the embedded rig, each a plausible one-standard-deviation change of face proportions
 * (centimetres): width, height, nose size, jaw width, eye spacing and depth. Eyeballs move rigidly with the
 * displacement at their centre.
 */
final class IdentityModes {

  static final List<String> NAMES =
      List.of("faceWidth", "faceHeight", "noseSize", "jawWidth", "eyeSpacing", "faceDepth");

  private interface Field {
    void displace(double x, double y, double z, double[] out);
  }

  private IdentityModes() {}

  static List<float[]> build(float[] mesh, int faceVertices, Eyeball left, Eyeball right) {
    Field[] fields = {
      (x, y, z, o) -> o[0] = 0.06 * x,
      (x, y, z, o) -> o[1] = 0.05 * y,
      (x, y, z, o) -> {
        double w = bump(x, y, z, 0, -0.4, 6.5, 1.5);
        o[0] = 0.12 * w * x;
        o[1] = 0.12 * w * (y + 0.4);
        o[2] = 0.12 * w * (z - 3.0);
      },
      (x, y, z, o) -> o[0] = 0.08 * x * sigmoid((-3.5 - y) / 1.2),
      (x, y, z, o) -> o[0] = 0.25 * Math.signum(x)
          * (bump(x, y, z, 3.1, 2.7, 3.3, 1.4) + bump(x, y, z, -3.1, 2.7, 3.3, 1.4)),
      (x, y, z, o) -> o[2] = 0.07 * (z - 2.0),
    };
    return java.util.Arrays.stream(fields).map(f -> paint(f, mesh, faceVertices, left, right)).toList();
  }

  private static float[] paint(Field f, float[] mesh, int faceVertices, Eyeball left, Eyeball right) {
    float[] d = new float[mesh.length];
    double[] o = new double[3];
    for (int i = 0; i < faceVertices; i++) {
      o[0] = o[1] = o[2] = 0;
      f.displace(mesh[3 * i], mesh[3 * i + 1], mesh[3 * i + 2], o);
      for (int k = 0; k < 3; k++) {
        d[3 * i + k] = (float) o[k];
      }
    }
    for (Eyeball eye : new Eyeball[] {left, right}) {
      o[0] = o[1] = o[2] = 0;
      double[] c = eye.centre();
      f.displace(c[0], c[1], c[2], o);
      for (int i : eye.vertices()) {
        for (int k = 0; k < 3; k++) {
          d[3 * i + k] = (float) o[k];
        }
      }
    }
    return d;
  }
}
