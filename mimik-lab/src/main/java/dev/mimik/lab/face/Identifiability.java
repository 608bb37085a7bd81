package dev.mimik.lab.face;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.sim.camera.RigLandmarks;
import java.io.PrintStream;
import java.util.Locale;
import org.ejml.simple.SimpleMatrix;

/**
 * How well the landmarks of a set can tell a face-making rig's shapes apart, on the making rig's side alone: each
 * shape's landmark pattern (x and y of the set's landmarks at weight 1, millimetres, on the rig's average face, as
 * {@link RigLandmarks} poses it, pupils turned by the gaze) split into the part in the span of the other shapes' and
 * the head's six rigid motions' patterns, and the part outside it. Only that outside part tells the shape from some
 * mix of the others and a head movement; a shape whose outside part moves no landmark by {@link #SEPARABLE_MM} is
 * one the landmarks cannot see in the strict sense, whatever rig fits them. Beside it, for reading the first: the
 * part outside what the other shapes make at weights in [0, 1] (with any head motion), the confusion a bounded fit
 * can actually fall into when the shape shows alone.
 */
public final class Identifiability {

  /** The least motion of some landmark outside the others' span, mm at weight 1, by which a shape is separable. */
  public static final double SEPARABLE_MM = ForeignFaceFit.VISIBLE_MM;

  /**
   * One shape's pattern and its part outside the others' span.
   *
   * @param name the ARKit name
   * @param largestMm the pattern's largest landmark motion, mm
   * @param outsideLargestMm the outside part's largest landmark motion, mm
   * @param outsideShare the outside part's norm over the pattern's (0 for a shape that moves nothing)
   * @param outsideBoundedMm the largest landmark motion of the part outside what the other shapes make at weights in
   *     [0, 1] with a head motion, mm
   */
  public record Shape(String name, double largestMm, double outsideLargestMm, double outsideShare,
      double outsideBoundedMm) {

    /** Whether the outside part moves some landmark by at least {@link #SEPARABLE_MM}. */
    public boolean separable() {
      return outsideLargestMm >= SEPARABLE_MM;
    }
  }

  private Identifiability() {}

  /** Per ARKit shape (in ARKit order) of {@code rig} (its targets in ARKit order), seen by the landmarks of {@code set}. */
  public static Shape[] of(FaceRig rig, LandmarkSet set) {
    int[] ibug = set.ibugIndices();
    RigLandmarks landmarks = new RigLandmarks(rig, new double[0]);
    int n = Blendshapes.ARKIT_52.size();
    double[] rest = new double[3 * landmarks.pointCount()];
    landmarks.positions(new double[n], rest);
    double[][] patterns = new double[n + 6][];
    double[] posed = new double[rest.length];
    for (int k = 0; k < n; k++) {
      double[] w = new double[n];
      w[k] = 1;
      landmarks.positions(w, posed);
      patterns[k] = new double[2 * ibug.length];
      for (int j = 0; j < ibug.length; j++) {
        if (ibug[j] >= landmarks.pointCount()) {
          throw new IllegalArgumentException("rig " + rig.name() + " has no pupils for landmark " + ibug[j]);
        }
        patterns[k][2 * j] = posed[3 * ibug[j]] - rest[3 * ibug[j]];
        patterns[k][2 * j + 1] = posed[3 * ibug[j] + 1] - rest[3 * ibug[j] + 1];
      }
    }
    // the head's small rigid motions in the image plane: shifts, scale (depth), roll, yaw, pitch
    for (int m = 0; m < 6; m++) {
      double[] p = new double[2 * ibug.length];
      for (int j = 0; j < ibug.length; j++) {
        double x = rest[3 * ibug[j]];
        double y = rest[3 * ibug[j] + 1];
        double z = rest[3 * ibug[j] + 2];
        double[] xy = switch (m) {
          case 0 -> new double[] {1, 0};
          case 1 -> new double[] {0, 1};
          case 2 -> new double[] {x, y};
          case 3 -> new double[] {-y, x};
          case 4 -> new double[] {z, 0};
          default -> new double[] {0, z};
        };
        p[2 * j] = xy[0];
        p[2 * j + 1] = xy[1];
      }
      patterns[n + m] = p;
    }
    Shape[] out = new Shape[n];
    for (int k = 0; k < n; k++) {
      double[] outside = outsideSpan(patterns, k);
      double norm = norm(patterns[k]);
      double[][] others = new double[n + 6][];
      for (int i = 0; i < others.length; i++) {
        others[i] = i == k ? new double[patterns[k].length] : patterns[i];
      }
      double[] w = boundedLeastSquares(others, patterns[k], n);
      double[] bounded = patterns[k].clone();
      for (int i = 0; i < others.length; i++) {
        for (int d = 0; d < bounded.length; d++) {
          bounded[d] -= w[i] * others[i][d];
        }
      }
      out[k] = new Shape(Blendshapes.ARKIT_52.get(k), largest(patterns[k]), largest(outside),
          norm == 0 ? 0 : norm(outside) / norm, largest(bounded));
    }
    return out;
  }

  /** Which ARKit shapes are {@link Shape#separable}. */
  public static boolean[] separable(FaceRig rig, LandmarkSet set) {
    Shape[] shapes = of(rig, set);
    boolean[] out = new boolean[shapes.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = shapes[k].separable();
    }
    return out;
  }

  /** Prints each shape's pattern, its part outside the others' span and whether it is separable. */
  public static void print(FaceRig rig, LandmarkSet set, PrintStream out) {
    Shape[] shapes = of(rig, set);
    out.printf(Locale.ROOT, "%s, %s: each shape's landmark motion at weight 1 (x, y, mm) and its part outside the span"
        + " of the other shapes' and the head's rigid motions%n", rig.name(), set.name().toLowerCase(Locale.ROOT));
    out.printf(Locale.ROOT, "%-20s %10s %12s %9s %9s %20s%n", "shape", "largest", "outside", "share", "separable",
        "outside, in [0, 1]");
    int count = 0;
    for (Shape s : shapes) {
      out.printf(Locale.ROOT, "%-20s %7.2f mm %9.2f mm %9.3f %9s %17.2f mm%n", s.name(), s.largestMm(),
          s.outsideLargestMm(), s.outsideShare(), s.separable() ? "yes" : "no", s.outsideBoundedMm());
      count += s.separable() ? 1 : 0;
    }
    out.printf(Locale.ROOT, "separable (outside part moves a landmark by >= %.1f mm): %d shapes%n", SEPARABLE_MM,
        count);
  }

  /** The part of {@code patterns[k]} outside the span of the other rows (least squares, pseudo-inverse). */
  private static double[] outsideSpan(double[][] patterns, int k) {
    int dims = patterns[k].length;
    SimpleMatrix basis = new SimpleMatrix(dims, patterns.length - 1);
    int c = 0;
    for (int i = 0; i < patterns.length; i++) {
      if (i != k) {
        for (int d = 0; d < dims; d++) {
          basis.set(d, c, patterns[i][d]);
        }
        c++;
      }
    }
    SimpleMatrix target = new SimpleMatrix(dims, 1);
    for (int d = 0; d < dims; d++) {
      target.set(d, 0, patterns[k][d]);
    }
    SimpleMatrix residual = target.minus(basis.mult(basis.pseudoInverse().mult(target)));
    double[] out = new double[dims];
    for (int d = 0; d < dims; d++) {
      out[d] = residual.get(d, 0);
    }
    return out;
  }

  /**
   * Weights of the {@code basis} rows that best make {@code target}, the first {@code bounded} rows' in [0, 1], the
   * others' free: cyclic coordinate descent.
   */
  static double[] boundedLeastSquares(double[][] basis, double[] target, int bounded) {
    double[] w = new double[basis.length];
    double[] residual = target.clone();
    for (int sweep = 0; sweep < 500; sweep++) {
      for (int k = 0; k < basis.length; k++) {
        double nn = dot(basis[k], basis[k]);
        if (nn == 0) {
          continue;
        }
        double next = w[k] + dot(basis[k], residual) / nn;
        if (k < bounded) {
          next = Math.max(0, Math.min(1, next));
        }
        for (int i = 0; i < residual.length; i++) {
          residual[i] -= (next - w[k]) * basis[k][i];
        }
        w[k] = next;
      }
    }
    return w;
  }

  /** The largest landmark motion of a pattern {@code x0, y0, x1, y1, ...}. */
  static double largest(double[] pattern) {
    double max = 0;
    for (int j = 0; j < pattern.length / 2; j++) {
      max = Math.max(max, Math.hypot(pattern[2 * j], pattern[2 * j + 1]));
    }
    return max;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }
}
