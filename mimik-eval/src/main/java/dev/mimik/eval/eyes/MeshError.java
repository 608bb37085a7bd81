package dev.mimik.eval.eyes;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * NoW-style mesh error: after a rigid alignment (rotation and translation, Kabsch, on corresponding vertices), the
 * distance from each reconstructed vertex to the nearest point of the ground-truth surface, summarised as median,
 * mean and standard deviation in millimetres. A region (a list of vertices) restricts which reconstructed
 * vertices are scored; the whole true surface is always searched.
 *
 * @param medianMm median distance
 * @param meanMm mean distance
 * @param stdMm standard deviation of the distances
 */
public record MeshError(double medianMm, double meanMm, double stdMm) {

  /**
   * Distances in millimetres of the region's reconstructed vertices to the true surface.
   *
   * @param reconstructed flat xyz of the reconstructed mesh
   * @param truth flat xyz of the true mesh (same topology, so the alignment can use vertex correspondence)
   * @param triangles the true mesh's triangles
   * @param region reconstructed vertices scored
   * @param mmPerUnit millimetres per mesh unit
   */
  public static double[] distances(float[] reconstructed, float[] truth, int[] triangles, int[] region,
      double mmPerUnit) {
    double[] aligned = rigidlyAligned(reconstructed, truth);
    // each triangle's bounding sphere, to skip triangles that cannot beat the best distance so far
    int count = triangles.length / 3;
    boolean[] onSurface = new boolean[truth.length / 3];
    for (int v : triangles) {
      onSurface[v] = true;
    }
    double[] centre = new double[3 * count];
    double[] radius = new double[count];
    for (int t = 0; t < count; t++) {
      for (int k = 0; k < 3; k++) {
        int v = triangles[3 * t + k];
        for (int d = 0; d < 3; d++) {
          centre[3 * t + d] += truth[3 * v + d] / 3.0;
        }
      }
      for (int k = 0; k < 3; k++) {
        int v = triangles[3 * t + k];
        radius[t] = Math.max(radius[t], Math.sqrt(squared(truth[3 * v] - centre[3 * t],
            truth[3 * v + 1] - centre[3 * t + 1], truth[3 * v + 2] - centre[3 * t + 2])));
      }
    }
    double[] out = new double[region.length];
    double[] p = new double[3];
    for (int i = 0; i < region.length; i++) {
      int v = region[i];
      p[0] = aligned[3 * v];
      p[1] = aligned[3 * v + 1];
      p[2] = aligned[3 * v + 2];
      // the corresponding true vertex, where it lies on the surface, bounds the nearest distance
      double best = onSurface[v] ? squared(p[0] - truth[3 * v], p[1] - truth[3 * v + 1], p[2] - truth[3 * v + 2])
          : Double.POSITIVE_INFINITY;
      for (int t = 0; t < count; t++) {
        double reach = Math.sqrt(best) + radius[t];
        if (reach < Double.POSITIVE_INFINITY
            && squared(p[0] - centre[3 * t], p[1] - centre[3 * t + 1], p[2] - centre[3 * t + 2]) > reach * reach) {
          continue;
        }
        best = Math.min(best, PointTriangle.squaredDistance(p, truth, triangles[3 * t], triangles[3 * t + 1],
            triangles[3 * t + 2]));
      }
      out[i] = Math.sqrt(best) * mmPerUnit;
    }
    return out;
  }

  private static double squared(double x, double y, double z) {
    return x * x + y * y + z * z;
  }

  /** Median, mean and standard deviation of distances (e.g. pooled over frames). */
  public static MeshError summarise(double[] distances) {
    double[] s = distances.clone();
    Arrays.sort(s);
    int n = s.length;
    double median = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    double mean = Arrays.stream(s).average().orElse(Double.NaN);
    double var = Arrays.stream(s).map(d -> (d - mean) * (d - mean)).sum() / Math.max(1, n);
    return new MeshError(median, mean, Math.sqrt(var));
  }

  /** The reconstructed vertices moved by the rotation and translation that best map them onto the truth. */
  static double[] rigidlyAligned(float[] a, float[] b) {
    int n = a.length / 3;
    double[] ca = new double[3];
    double[] cb = new double[3];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        ca[c] += a[3 * i + c] / (double) n;
        cb[c] += b[3 * i + c] / (double) n;
      }
    }
    DMatrixRMaj cov = new DMatrixRMaj(3, 3);
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          cov.add(r, c, (b[3 * i + r] - cb[r]) * (a[3 * i + c] - ca[c]));
        }
      }
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(3, 3, true, true, false);
    svd.decompose(cov);
    DMatrixRMaj u = svd.getU(null, false);
    DMatrixRMaj vt = svd.getV(null, true);
    DMatrixRMaj rot = new DMatrixRMaj(3, 3);
    CommonOps_DDRM.mult(u, vt, rot);
    if (CommonOps_DDRM.det(rot) < 0) {
      for (int r = 0; r < 3; r++) {
        u.set(r, 2, -u.get(r, 2));
      }
      CommonOps_DDRM.mult(u, vt, rot);
    }
    double[] out = new double[a.length];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < 3; r++) {
        double v = cb[r];
        for (int c = 0; c < 3; c++) {
          v += rot.get(r, c) * (a[3 * i + c] - ca[c]);
        }
        out[3 * i + r] = v;
      }
    }
    return out;
  }
}
