package dev.mimik.learn.eifer;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal components of one recording's channels whose signs agree with reference axes, so that the same
 * component means the same thing in every recording although each channel's sensitivity, sign included, changes
 * from one recording to the next.
 *
 * <p>Why: a Fridlund lead's gaze sensitivity depends on where its two electrodes sit relative to the eyes, so its
 * sign and scale differ between participants, and a map learned on some participants reads a new one's leads
 * poorly. Within one recording, though, the leads move together: the saccade integral's leading principal axes
 * span the vertical gaze and blink pattern (the strongest) and the horizontal one, whatever the placement. Each
 * axis is fixed only up to its sign; that is taken from reference axes learned, without labels, from the training
 * recordings ({@link #reference}). Everything is from the recordings alone.
 */
public final class AlignedComponents {

  private static final int SWEEPS = 20;

  private AlignedComponents() {}

  /**
   * The {@code k} leading principal axes of {@code x [frame][channel]} (unit vectors {@code [axis][channel]}, by
   * decreasing variance of the centred rows), each with an arbitrary sign.
   */
  public static double[][] axes(double[][] x, int k) {
    Scatter s = new Scatter(mean(x));
    s.add(x);
    return s.axes(k);
  }

  /** The scatter matrix of rows about a given mean, added to chunk by chunk, and its principal axes. */
  static final class Scatter {
    private final double[] mean;
    private final DMatrixRMaj cov;

    Scatter(double[] mean) {
      this.mean = mean;
      this.cov = new DMatrixRMaj(mean.length, mean.length);
    }

    void add(double[][] rows) {
      int n = mean.length;
      for (double[] row : rows) {
        for (int i = 0; i < n; i++) {
          double a = row[i] - mean[i];
          for (int j = i; j < n; j++) {
            cov.add(i, j, a * (row[j] - mean[j]));
          }
        }
      }
    }

    /** {@link AlignedComponents#axes} of the rows added. */
    double[][] axes(int k) {
      int n = mean.length;
      if (k < 1 || k > n) {
        throw new IllegalArgumentException("need 1.." + n + " components, not " + k);
      }
      return principal(cov, n, k);
    }
  }

  private static double[][] principal(DMatrixRMaj cov, int n, int k) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        cov.set(i, j, cov.get(j, i));
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(cov)) {
      throw new IllegalStateException("eigendecomposition failed");
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
    double[][] out = new double[k][];
    for (int a = 0; a < k; a++) {
      out[a] = eig.getEigenVector(order.get(a)).getData().clone();
      double norm = Math.sqrt(dot(out[a], out[a]));
      for (int c = 0; c < n; c++) {
        out[a][c] /= norm;
      }
    }
    return out;
  }

  /**
   * Reference axes {@code [axis][channel]} for {@code k} components from several recordings, without labels: each
   * recording's {@link #axes}, their signs chosen to agree with the mean of the others (starting from the first
   * recording's, then sweeping until no sign changes), averaged.
   */
  public static double[][] reference(List<double[][]> recordings, int k) {
    List<double[][]> axes = recordings.stream().map(x -> axes(x, k)).toList();
    double[][] mean = new double[k][];
    for (int a = 0; a < k; a++) {
      mean[a] = axes.get(0)[a].clone();
    }
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      double[][] next = new double[k][axes.get(0)[0].length];
      for (double[][] r : axes) {
        for (int a = 0; a < k; a++) {
          double sign = dot(r[a], mean[a]) < 0 ? -1 : 1;
          for (int c = 0; c < next[a].length; c++) {
            next[a][c] += sign * r[a][c] / axes.size();
          }
        }
      }
      boolean same = true;
      for (int a = 0; a < k; a++) {
        same &= java.util.Arrays.equals(next[a], mean[a]);
      }
      mean = next;
      if (same) {
        break;
      }
    }
    return mean;
  }

  /**
   * The scores {@code [frame][component]} of {@code x [frame][channel]} (centred) on its own {@link #axes}, one
   * component per reference axis, each axis's sign chosen to agree with its reference axis.
   */
  public static double[][] scores(double[][] x, double[][] reference) {
    double[] mean = mean(x);
    return project(x, mean, signed(axes(x, reference.length), reference));
  }

  /** {@code axes}, each turned to agree in sign with its {@code reference} axis (in place). */
  static double[][] signed(double[][] axes, double[][] reference) {
    for (int a = 0; a < axes.length; a++) {
      if (dot(axes[a], reference[a]) < 0) {
        for (int c = 0; c < axes[a].length; c++) {
          axes[a][c] = -axes[a][c];
        }
      }
    }
    return axes;
  }

  /** The scores {@code [row][axis]} of rows {@code x} less {@code mean} on {@code axes}. */
  static double[][] project(double[][] x, double[] mean, double[][] axes) {
    double[][] out = new double[x.length][axes.length];
    for (int f = 0; f < x.length; f++) {
      for (int a = 0; a < axes.length; a++) {
        double s = 0;
        for (int c = 0; c < mean.length; c++) {
          s += (x[f][c] - mean[c]) * axes[a][c];
        }
        out[f][a] = s;
      }
    }
    return out;
  }

  private static double[] mean(double[][] x) {
    double[] mean = new double[x[0].length];
    addMean(mean, x, x.length);
    return mean;
  }

  /** Adds to {@code mean} the rows {@code x}, each over {@code n}, the number of rows in all. */
  static void addMean(double[] mean, double[][] x, int n) {
    for (double[] row : x) {
      for (int c = 0; c < mean.length; c++) {
        mean[c] += row[c] / n;
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
