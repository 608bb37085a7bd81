package dev.mimik.sim.ego;

import dev.mimik.face.camera.Camera;
import dev.mimik.face.headset.HeadsetCamera;
import java.util.List;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * Puts a keypoint detected in several calibrated views back into 3D: Gauss-Newton on the reprojection error
 * through each camera's own projection and Jacobian ({@code face.camera}), robust (Huber weights beyond three
 * standard deviations) and regularised toward a prior position (the labelling rig's neutral point), so that a point
 * seen by one camera only still gets a depth: the prior's.
 *
 * @param cameras the calibrated cameras, as designed (the pipeline does not know how the headset sits)
 * @param noisePx expected detection error, pixels of each camera's described image
 * @param priorMm standard deviation of the prior, millimetres
 */
public record Triangulator(List<HeadsetCamera> cameras, double noisePx, double priorMm) {

  private static final int ITERATIONS = 6;

  public Triangulator {
    cameras = List.copyOf(cameras);
  }

  /**
   * The point (head frame, mm) that best explains one landmark's detections.
   *
   * @param views per camera, the detections {@code x0, y0, x1, ...} (NaN where missing)
   * @param landmark which landmark
   * @param prior the prior position {x, y, z}
   * @return {x, y, z}, or null if no camera saw the point
   */
  public double[] point(double[][] views, int landmark, double[] prior) {
    int seen = 0;
    for (double[] v : views) {
      seen += Double.isNaN(v[2 * landmark]) ? 0 : 1;
    }
    if (seen == 0) {
      return null;
    }
    double[] x = prior.clone();
    double wp = 1 / (priorMm * priorMm);
    double wo = 1 / (noisePx * noisePx);
    for (int it = 0; it < ITERATIONS; it++) {
      double[] h = {wp, 0, 0, 0, wp, 0, 0, 0, wp};
      double[] g = {wp * (x[0] - prior[0]), wp * (x[1] - prior[1]), wp * (x[2] - prior[2])};
      for (int c = 0; c < cameras.size(); c++) {
        double ou = views[c][2 * landmark];
        double ov = views[c][2 * landmark + 1];
        if (Double.isNaN(ou)) {
          continue;
        }
        HeadsetCamera cam = cameras.get(c);
        Camera projection = cam.intrinsics().camera();
        Vector3D pc = cam.toCamera(new Vector3D(x[0], x[1], x[2]));
        if (!(pc.getZ() < -1)) {
          continue;
        }
        Vector2D uv = projection.project(pc);
        double[] jc = projection.jacobian(pc);
        double[][] m = cam.orientation().getMatrix();
        // d(camera point)/d(head point) is the transpose of the camera-to-head rotation
        double[] j = new double[6];
        for (int row = 0; row < 2; row++) {
          for (int col = 0; col < 3; col++) {
            j[3 * row + col] = jc[3 * row] * m[col][0] + jc[3 * row + 1] * m[col][1] + jc[3 * row + 2] * m[col][2];
          }
        }
        double ru = uv.getX() - ou;
        double rv = uv.getY() - ov;
        double norm = Math.sqrt(ru * ru + rv * rv) / noisePx;
        double w = wo * (norm > 3 ? 3 / norm : 1);
        for (int a = 0; a < 3; a++) {
          g[a] += w * (j[a] * ru + j[3 + a] * rv);
          for (int b = 0; b < 3; b++) {
            h[3 * a + b] += w * (j[a] * j[b] + j[3 + a] * j[3 + b]);
          }
        }
      }
      double[] step = solve3(h, g);
      for (int a = 0; a < 3; a++) {
        x[a] -= step[a];
      }
    }
    return x;
  }

  /** Solves the symmetric 3x3 system {@code h s = g} by Cramer's rule. */
  private static double[] solve3(double[] h, double[] g) {
    double det = h[0] * (h[4] * h[8] - h[5] * h[7]) - h[1] * (h[3] * h[8] - h[5] * h[6])
        + h[2] * (h[3] * h[7] - h[4] * h[6]);
    double[] s = new double[3];
    for (int k = 0; k < 3; k++) {
      double[] m = h.clone();
      for (int r = 0; r < 3; r++) {
        m[3 * r + k] = g[r];
      }
      s[k] = (m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
          + m[2] * (m[3] * m[7] - m[4] * m[6])) / det;
    }
    return s;
  }
}
