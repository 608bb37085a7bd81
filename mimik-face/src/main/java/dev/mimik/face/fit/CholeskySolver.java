package dev.mimik.face.fit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Solves {@code a x = b} for a symmetric positive definite {@code a} by its Cholesky factorisation, falling back to
 * the pseudo-inverse when the factorisation fails (a singular or indefinite matrix). Matrices are row-major arrays
 * and are kept.
 */
final class CholeskySolver {

  private CholeskySolver() {}

  /** The solution for one right side, {@code b}'s first {@code n} values. */
  static double[] solve(double[] a, double[] b, int n) {
    return solveColumns(a, b, n, 1);
  }

  /** The solutions for {@code cols} right sides, {@code b} and the result n x cols. */
  static double[] solveColumns(double[] a, double[] b, int n, int cols) {
    DMatrixRMaj x = new DMatrixRMaj(n, cols);
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
    // the factorisation overwrites its input, so each attempt gets its own copy
    if (!solver.setA(DMatrixRMaj.wrap(n, n, a.clone()))) {
      solver = LinearSolverFactory_DDRM.pseudoInverse(true);
      solver.setA(DMatrixRMaj.wrap(n, n, a.clone()));
    }
    solver.solve(DMatrixRMaj.wrap(n, cols, java.util.Arrays.copyOf(b, n * cols)), x);
    return x.getData();
  }
}
