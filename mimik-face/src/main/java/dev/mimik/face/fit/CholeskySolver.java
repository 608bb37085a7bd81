package dev.mimik.face.fit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Solves {@code a x = b} for a symmetric positive definite {@code a} by its Cholesky factorisation, falling back to
 * the pseudo-inverse when the factorisation fails (a singular or indefinite matrix). Matrices are row-major arrays.
 */
final class CholeskySolver {

  private CholeskySolver() {}

  /**
   * The solution for one right side ({@code n} values). {@code a} (n x n) is overwritten by the factorisation;
   * {@code b} is kept.
   */
  static double[] solve(double[] a, double[] b, int n) {
    DMatrixRMaj am = DMatrixRMaj.wrap(n, n, a);
    DMatrixRMaj bm = DMatrixRMaj.wrap(n, 1, b.clone());
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
    if (!chol.setA(am)) {
      LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.pseudoInverse(true);
      qr.setA(DMatrixRMaj.wrap(n, n, a));
      qr.solve(bm, x);
    } else {
      chol.solve(bm, x);
    }
    return x.getData();
  }

  /** The solutions for {@code cols} right sides, {@code b} and the result n x cols; {@code a} and {@code b} are kept. */
  static double[] solveColumns(double[] a, double[] b, int n, int cols) {
    DMatrixRMaj x = new DMatrixRMaj(n, cols);
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
    if (!chol.setA(DMatrixRMaj.wrap(n, n, a.clone()))) {
      chol = LinearSolverFactory_DDRM.pseudoInverse(true);
      chol.setA(DMatrixRMaj.wrap(n, n, a.clone()));
    }
    chol.solve(DMatrixRMaj.wrap(n, cols, b.clone()), x);
    return x.getData();
  }
}
