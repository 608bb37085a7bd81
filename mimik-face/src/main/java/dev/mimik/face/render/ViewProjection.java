package dev.mimik.face.render;

import dev.mimik.face.camera.Camera;
import dev.mimik.face.headset.HeadsetCamera;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * Head-frame vertices seen by one headset camera: image position through the camera's own
 * {@link Camera#project} and depth along the optical axis ({@code -z} in the camera frame, mm), which orders
 * surfaces along each ray and is interpolated exactly on a pinhole image. Vertices closer than
 * {@value #NEAR_MM} mm or more than {@value #MAX_OFF_AXIS_DEG} degrees off the optical axis get depth 0 and are
 * not drawn.
 *
 * @param u image x per vertex, pixels
 * @param v image y per vertex, pixels (down)
 * @param w depth along the optical axis per vertex, mm (0 where not drawable)
 */
public record ViewProjection(float[] u, float[] v, float[] w) {

  static final double NEAR_MM = 2;
  static final double MAX_OFF_AXIS_DEG = 89;

  /** Projects flat xyz head-frame positions (mm) through {@code camera} placed as {@code pose}. */
  public static ViewProjection of(float[] positionsMm, HeadsetCamera pose, Camera camera) {
    int n = positionsMm.length / 3;
    float[] u = new float[n];
    float[] v = new float[n];
    float[] w = new float[n];
    double[][] m = pose.orientation().getMatrix();
    Vector3D c = pose.positionMm();
    double cosMax = Math.cos(Math.toRadians(MAX_OFF_AXIS_DEG));
    for (int i = 0; i < n; i++) {
      double dx = positionsMm[3 * i] - c.getX();
      double dy = positionsMm[3 * i + 1] - c.getY();
      double dz = positionsMm[3 * i + 2] - c.getZ();
      // camera frame = transpose(m) * d
      double x = m[0][0] * dx + m[1][0] * dy + m[2][0] * dz;
      double y = m[0][1] * dx + m[1][1] * dy + m[2][1] * dz;
      double z = m[0][2] * dx + m[1][2] * dy + m[2][2] * dz;
      double dist = Math.sqrt(x * x + y * y + z * z);
      if (dist < NEAR_MM || -z < cosMax * dist) {
        continue;
      }
      Vector2D p = camera.project(new Vector3D(x, y, z));
      u[i] = (float) p.getX();
      v[i] = (float) p.getY();
      w[i] = (float) -z;
    }
    return new ViewProjection(u, v, w);
  }
}
