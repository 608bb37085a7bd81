package dev.mimik.face.align;

import dev.mimik.core.data.LandmarkTrack;
import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleSVD;

/**
 * Similarity Procrustes of 2D landmark sets onto a reference shape: the scale, rotation and translation that bring a
 * set closest to the reference in the least-squares sense (Umeyama's solution through an SVD, with the sign fix that
 * rules out reflections). Points that are NaN are left out of the fit and stay NaN.
 *
 * <p>Aligning a frame removes the head's image scale, in-plane rotation and position; the frame's transform, inverted,
 * maps aligned (or predicted) landmarks back to image pixels.
 */
public final class Procrustes {

  private final double[] reference;

  /** @param reference the reference shape, flat {@code x0, y0, x1, y1, ...}, at least two finite points */
  public Procrustes(double[] reference) {
    if (reference.length % 2 != 0 || finiteCount(reference, reference) < 2) {
      throw new IllegalArgumentException("the reference needs at least two finite points");
    }
    this.reference = reference.clone();
  }

  /** The reference shape (a copy). */
  public double[] reference() {
    return reference.clone();
  }

  /** The transform that maps {@code points} onto the reference as closely as possible. */
  public SimilarityTransform fit(double[] points) {
    if (points.length != reference.length) {
      throw new IllegalArgumentException(points.length / 2 + " points, the reference has " + reference.length / 2);
    }
    int n = finiteCount(points, reference);
    if (n < 2) {
      throw new IllegalArgumentException("fewer than two points are finite in both shapes");
    }
    double[] mx = centroid(points, reference);
    double[] my = centroid(reference, points);
    SimpleMatrix cov = new SimpleMatrix(2, 2);
    double varX = 0;
    for (int i = 0; i + 1 < points.length; i += 2) {
      if (!usable(points, reference, i)) {
        continue;
      }
      double x0 = points[i] - mx[0];
      double x1 = points[i + 1] - mx[1];
      double y0 = reference[i] - my[0];
      double y1 = reference[i + 1] - my[1];
      cov.set(0, 0, cov.get(0, 0) + y0 * x0);
      cov.set(0, 1, cov.get(0, 1) + y0 * x1);
      cov.set(1, 0, cov.get(1, 0) + y1 * x0);
      cov.set(1, 1, cov.get(1, 1) + y1 * x1);
      varX += x0 * x0 + x1 * x1;
    }
    if (!(varX > 0)) {
      throw new IllegalArgumentException("the points all coincide");
    }
    SimpleSVD<SimpleMatrix> svd = cov.svd();
    SimpleMatrix u = svd.getU();
    SimpleMatrix v = svd.getV();
    double sign = Math.signum(u.determinant() * v.determinant());
    SimpleMatrix fix = SimpleMatrix.diag(1, sign == 0 ? 1 : sign);
    SimpleMatrix r = u.mult(fix).mult(v.transpose());
    double trace = svd.getW().get(0, 0) + (sign == 0 ? 1 : sign) * svd.getW().get(1, 1);
    double scale = trace / varX;
    double angle = Math.atan2(r.get(1, 0), r.get(0, 0));
    double[] rotatedMean = new SimilarityTransform(scale, angle, 0, 0).apply(mx);
    return new SimilarityTransform(scale, angle, my[0] - rotatedMean[0], my[1] - rotatedMean[1]);
  }

  /** The points moved onto the reference frame (a new array). */
  public double[] align(double[] points) {
    return fit(points).apply(points);
  }

  /**
   * Aligns every frame of a track. Frames marked missing, or with fewer than two usable points, stay as they are
   * and get the identity transform.
   */
  public Alignment alignTrack(LandmarkTrack track) {
    double[][] frames = new double[track.frameCount()][];
    List<SimilarityTransform> transforms = new ArrayList<>();
    for (int f = 0; f < frames.length; f++) {
      double[] frame = track.frames()[f];
      if (track.missing()[f] || finiteCount(frame, reference) < 2) {
        frames[f] = frame.clone();
        transforms.add(SimilarityTransform.identity());
      } else {
        SimilarityTransform t = fit(frame);
        frames[f] = t.apply(frame);
        transforms.add(t);
      }
    }
    return new Alignment(new LandmarkTrack(track.timesSeconds().clone(), track.pointCount(), frames,
        track.missing().clone()), transforms);
  }

  /**
   * The generalised Procrustes mean of a set of shapes: start from the first, align all to the current mean,
   * average, normalise to unit centroid size, repeat until it settles.
   */
  public static double[] meanShape(List<double[]> shapes, int iterations) {
    if (shapes.isEmpty()) {
      throw new IllegalArgumentException("no shapes");
    }
    double[] mean = normalised(shapes.get(0));
    for (int it = 0; it < iterations; it++) {
      Procrustes p = new Procrustes(mean);
      double[] sum = new double[mean.length];
      int[] count = new int[mean.length];
      for (double[] shape : shapes) {
        double[] a = p.align(shape);
        for (int i = 0; i < a.length; i++) {
          if (Double.isFinite(a[i])) {
            sum[i] += a[i];
            count[i]++;
          }
        }
      }
      for (int i = 0; i < sum.length; i++) {
        sum[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
      }
      mean = normalised(p.align(sum));
    }
    return mean;
  }

  /** A track aligned frame by frame, with each frame's transform (image pixels to the reference frame). */
  public record Alignment(LandmarkTrack aligned, List<SimilarityTransform> transforms) {

    public Alignment {
      transforms = List.copyOf(transforms);
    }

    /** Maps a frame given in the reference frame back to frame {@code f}'s image pixels. */
    public double[] toImage(int f, double[] alignedPoints) {
      return transforms.get(f).inverse().apply(alignedPoints);
    }
  }

  private static double[] normalised(double[] shape) {
    double[] c = centroid(shape, shape);
    double size = 0;
    for (int i = 0; i + 1 < shape.length; i += 2) {
      if (Double.isFinite(shape[i]) && Double.isFinite(shape[i + 1])) {
        size += Math.pow(shape[i] - c[0], 2) + Math.pow(shape[i + 1] - c[1], 2);
      }
    }
    double s = 1 / Math.sqrt(size);
    return new SimilarityTransform(s, 0, -s * c[0], -s * c[1]).apply(shape);
  }

  private static boolean usable(double[] a, double[] b, int i) {
    return Double.isFinite(a[i]) && Double.isFinite(a[i + 1]) && Double.isFinite(b[i]) && Double.isFinite(b[i + 1]);
  }

  private static int finiteCount(double[] a, double[] b) {
    int n = 0;
    for (int i = 0; i + 1 < a.length; i += 2) {
      n += usable(a, b, i) ? 1 : 0;
    }
    return n;
  }

  /** Centroid of the points of {@code shape} that are finite in both shapes. */
  private static double[] centroid(double[] shape, double[] other) {
    double x = 0;
    double y = 0;
    int n = 0;
    for (int i = 0; i + 1 < shape.length; i += 2) {
      if (usable(shape, other, i)) {
        x += shape[i];
        y += shape[i + 1];
        n++;
      }
    }
    return new double[] {x / n, y / n};
  }
}
