package dev.mimik.learn.bioface;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.face.align.Procrustes;
import dev.mimik.face.align.SimilarityTransform;
import dev.mimik.face.camera.PinholeCamera;
import java.util.List;

/**
 * The aligned coordinate frame the network regresses in (BioFace-3D's landmark alignment): a reference shape, the
 * generalised Procrustes mean of the training landmarks scaled to an outer-eye-corner distance of 100 units, and
 * the display transform that maps it back to the training camera's pixels (the mean head placement), so tracked
 * landmarks come out where the training landmarks were.
 *
 * @param set the landmark set regressed
 * @param reference the reference shape, flat {@code x0, y0, ...} in set order
 * @param display aligned coordinates to training-camera pixels
 */
public record LandmarkFrame(LandmarkSet set, double[] reference, SimilarityTransform display) {

  /** Outer-eye-corner distance of the reference shape, in aligned units. */
  public static final double REFERENCE_EYE_DISTANCE = 100;
  /** The focal length assumed for the training camera; with the head distance free, it only sets perspective. */
  public static final double ASSUMED_FOCAL_PX = 1000;

  /**
   * The training camera as a rig fit assumes it: {@link #ASSUMED_FOCAL_PX}, centred on the aligned frame's origin as
   * the display transform shows it.
   */
  public PinholeCamera assumedCamera() {
    double[] centre = display.apply(new double[] {0, 0});
    return new PinholeCamera(ASSUMED_FOCAL_PX, centre[0], centre[1], (int) Math.round(2 * centre[0]),
        (int) Math.round(2 * centre[1]));
  }

  /** Picks the set's points (iBUG order) out of a frame of 68 or 70 points; null if the frame lacks them. */
  public static double[] selectPoints(LandmarkSet set, int pointCount, double[] frame) {
    int[] ibug = set.ibugIndices();
    double[] out = new double[2 * ibug.length];
    for (int i = 0; i < ibug.length; i++) {
      if (ibug[i] >= pointCount) {
        return null;
      }
      out[2 * i] = frame[2 * ibug[i]];
      out[2 * i + 1] = frame[2 * ibug[i] + 1];
    }
    return out;
  }

  /**
   * Ground truth in this frame, as the model predicts it: each frame Procrustes-aligned to the reference (head scale,
   * rotation and position removed, as the training landmarks were) and shown through the display transform, in the
   * truth's own layout (points outside the set NaN).
   *
   * @throws IllegalArgumentException if the truth has too few points for the set
   */
  public LandmarkTrack aligned(LandmarkTrack truth) {
    int[] ibug = set.ibugIndices();
    Procrustes procrustes = new Procrustes(reference);
    double[][] out = new double[truth.frameCount()][];
    for (int f = 0; f < out.length; f++) {
      out[f] = truth.frames()[f].clone();
      if (truth.missing()[f]) {
        continue;
      }
      double[] pts = selectPoints(set, truth.pointCount(), truth.frames()[f]);
      if (pts == null) {
        throw new IllegalArgumentException("the ground truth has " + truth.pointCount() + " points, too few for the"
            + " model's " + set.size() + "-point set");
      }
      double[] shown = display.apply(procrustes.align(pts));
      java.util.Arrays.fill(out[f], Double.NaN);
      for (int i = 0; i < ibug.length; i++) {
        out[f][2 * ibug[i]] = shown[2 * i];
        out[f][2 * ibug[i] + 1] = shown[2 * i + 1];
      }
    }
    return new LandmarkTrack(truth.timesSeconds(), truth.pointCount(), out, truth.missing());
  }

  /**
   * The frame of a landmark track's own camera: its points of {@code set} (the track in iBUG order, 68 points or 70
   * with the pupils, pixels), their Procrustes mean shape and their mean placement in the image, from every frame
   * that has all of them.
   *
   * @throws IllegalArgumentException if no frame has all the set's points
   */
  public static LandmarkFrame of(LandmarkSet set, LandmarkTrack track) {
    List<double[]> shapes = java.util.Arrays.stream(shapes(set, track))
        .filter(s -> s != null && java.util.Arrays.stream(s).allMatch(Double::isFinite)).toList();
    if (shapes.isEmpty()) {
      throw new IllegalArgumentException("no frame of the " + track.pointCount() + "-point landmarks has all the "
          + set.size() + " points of the set" + (set.size() == 53 && track.pointCount() < 70 ? " (no pupils)" : ""));
    }
    return of(set, shapes);
  }

  /**
   * A track's points of this frame's set, in set order (the track in iBUG order, 68 points or 70 with the pupils);
   * frames that lack any are missing.
   */
  public LandmarkTrack points(LandmarkTrack track) {
    double[][] selected = shapes(set, track);
    boolean[] missing = new boolean[selected.length];
    for (int f = 0; f < selected.length; f++) {
      missing[f] = selected[f] == null || java.util.Arrays.stream(selected[f]).allMatch(Double::isNaN);
      if (selected[f] == null) {
        selected[f] = new double[2 * set.size()];
        java.util.Arrays.fill(selected[f], Double.NaN);
      }
    }
    return new LandmarkTrack(track.timesSeconds(), set.size(), selected, missing);
  }

  /** The frame of a set of training shapes (each in set order, pixels). */
  static LandmarkFrame of(LandmarkSet set, List<double[]> shapes) {
    double[] mean = Procrustes.meanShape(shapes, 4);
    int a = set.positionOf(LandmarkSet.OUTER_EYE_CORNER_A);
    int b = set.positionOf(LandmarkSet.OUTER_EYE_CORNER_B);
    double eyes = Math.hypot(mean[2 * a] - mean[2 * b], mean[2 * a + 1] - mean[2 * b + 1]);
    double[] reference = new SimilarityTransform(REFERENCE_EYE_DISTANCE / eyes, 0, 0, 0).apply(mean);
    Procrustes procrustes = new Procrustes(reference);
    double scale = 0;
    double sin = 0;
    double cos = 0;
    double tx = 0;
    double ty = 0;
    for (double[] shape : shapes) {
      SimilarityTransform toImage = procrustes.fit(shape).inverse();
      scale += toImage.scale();
      sin += Math.sin(toImage.angleRadians());
      cos += Math.cos(toImage.angleRadians());
      tx += toImage.tx();
      ty += toImage.ty();
    }
    int n = shapes.size();
    return new LandmarkFrame(set, reference,
        new SimilarityTransform(scale / n, Math.atan2(sin, cos), tx / n, ty / n));
  }

  /** Every valid frame of a track in set order, pixels; entries of missing frames are null. */
  static double[][] shapes(LandmarkSet set, LandmarkTrack track) {
    double[][] out = new double[track.frameCount()][];
    for (int f = 0; f < out.length; f++) {
      if (!track.missing()[f]) {
        out[f] = selectPoints(set, track.pointCount(), track.frames()[f]);
      }
    }
    return out;
  }
}
