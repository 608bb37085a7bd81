package dev.mimik.sim.ego;

import dev.mimik.face.camera.Camera;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.render.FaceLook;
import dev.mimik.face.render.ViewProjection;
import dev.mimik.face.render.VisibilityBuffer;
import java.util.SplittableRandom;

/**
 * A facial keypoint detector as the labelling pipeline meets it on headset views: the face's 68 landmark points,
 * where the camera really sees them, reported in the camera's described image (e.g. 400x400) with Gaussian error,
 * occasional gross errors, points and whole views lost, and worse on lips and chin hidden under a beard.
 *
 * <p>Visibility is decided on the rendered view's z-buffer: a point is seen when it lies inside the image and no
 * surface (the nose, a cheek, a glasses frame) is in front of it by more than 3 mm.
 *
 * @param noisePx standard deviation of the error per coordinate, pixels of the described image
 * @param outlierRate share of detected points with a gross error (15 px standard deviation)
 * @param pointDropRate share of visible points not reported
 * @param viewDropRate share of views where the detector finds no face
 */
public record KeypointDetector(double noisePx, double outlierRate, double pointDropRate, double viewDropRate) {

  private static final double OCCLUSION_TOLERANCE_MM = 3;
  private static final int[] UNDER_BEARD = {5, 6, 7, 8, 9, 10, 11, 55, 56, 57, 58, 59, 65, 66, 67};

  /** A detector with errors typical of a landmark network on close-up infrared views. */
  public static KeypointDetector typical() {
    return new KeypointDetector(1.5, 0.02, 0.03, 0.03);
  }

  /**
   * The detections in one view: {@code x0, y0, x1, y1, ...} for the 68 points in described-image pixels, NaN where
   * nothing was reported.
   *
   * @param landmarksMm the face's 68 landmark points in the head frame (mm), flat xyz
   * @param camera where the camera really is (with the donning)
   * @param buffer the view's z-buffer, rendered by that camera at any width
   */
  public double[] detect(double[] landmarksMm, HeadsetCamera camera, VisibilityBuffer buffer, FaceLook look,
      SplittableRandom r) {
    int n = landmarksMm.length / 3;
    double[] out = new double[2 * n];
    java.util.Arrays.fill(out, Double.NaN);
    if (r.nextDouble() < viewDropRate) {
      return out;
    }
    Camera described = camera.intrinsics().camera();
    float[] pts = new float[landmarksMm.length];
    for (int i = 0; i < pts.length; i++) {
      pts[i] = (float) landmarksMm[i];
    }
    ViewProjection p = ViewProjection.of(pts, camera, described);
    double scale = (double) buffer.width() / camera.intrinsics().width();
    double hairy = Math.max(look.beard(), look.moustache());
    for (int i = 0; i < n; i++) {
      if (!buffer.sees(p.u()[i] * scale, p.v()[i] * scale, p.w()[i], OCCLUSION_TOLERANCE_MM)) {
        continue;
      }
      boolean hidden = hairy > 0.5 && contains(UNDER_BEARD, i);
      if (r.nextDouble() < pointDropRate * (hidden ? 6 : 1)) {
        continue;
      }
      double sigma = noisePx * (hidden ? 2.5 : 1);
      if (r.nextDouble() < outlierRate) {
        sigma = 15;
      }
      out[2 * i] = p.u()[i] + sigma * r.nextGaussian();
      out[2 * i + 1] = p.v()[i] + sigma * r.nextGaussian();
    }
    return out;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
