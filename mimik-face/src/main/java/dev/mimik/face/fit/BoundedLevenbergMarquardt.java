package dev.mimik.face.fit;

/**
 * Levenberg-Marquardt minimisation of a sum of squares whose parameters may be bounded. Each step solves the
 * Gauss-Newton normal equations with the diagonal scaled by {@code 1 + mu} (Marquardt's damping); a step that
 * lowers the cost is taken and {@code mu} divided by 3, one that does not is retried with {@code mu} times 4. Bounds
 * are kept by an active set and by projection: a parameter at a bound whose gradient pushes outward is held still
 * for the step (left out of the system solved), and the problem projects each step back inside its bounds. Stops
 * when a step lowers the cost by less than a fraction of it, when no damping gives a lower cost, or after a number
 * of iterations.
 *
 * <p>The solver knows points only through its {@link Problem}, which linearises the residuals and applies steps,
 * so a parameter may be a rotation increment or a logarithm as well as a plain coordinate.
 */
final class BoundedLevenbergMarquardt {

  private static final double INITIAL_DAMPING = 1e-3;
  private static final double MIN_DAMPING = 1e-7;
  private static final double MAX_DAMPING = 1e8;
  /** Added to the damped diagonal, so that a parameter no residual depends on stays solvable. */
  private static final double RIDGE = 1e-12;

  /**
   * A least-squares problem over points of type {@code P}, moved by steps of {@link #dimension} parameters.
   *
   * @param <P> a point of the search (immutable: steps make new points)
   */
  interface Problem<P> {

    int dimension();

    /** The sum of squared residuals at {@code point}. */
    double cost(P point);

    /** The sum of squared residuals at {@code point}; fills {@code eq} with its normal equations. */
    double linearize(P point, NormalEquations eq);

    boolean atLowerBound(P point, int parameter);

    boolean atUpperBound(P point, int parameter);

    /** The point moved by {@code step}, projected inside the bounds. */
    P step(P point, double[] step);
  }

  /**
   * The point reached and the iterations spent.
   *
   * @param <P> a point of the search
   */
  record Optimum<P>(P point, int iterations) {}

  private final double tolerance;

  /** @param tolerance iterations stop when a step lowers the cost by less than this fraction of it */
  BoundedLevenbergMarquardt(double tolerance) {
    this.tolerance = tolerance;
  }

  /** Minimises from {@code start} in at most {@code maxIterations} iterations. */
  <P> Optimum<P> minimize(Problem<P> problem, P start, int maxIterations) {
    int n = problem.dimension();
    NormalEquations eq = new NormalEquations(n);
    double mu = INITIAL_DAMPING;
    P point = start;
    double cost = problem.linearize(point, eq);
    int iterations = 0;
    while (iterations < maxIterations) {
      iterations++;
      boolean[] held = held(problem, point, eq.g);
      boolean improved = false;
      while (!improved && mu < MAX_DAMPING) {
        P trial = problem.step(point, step(eq, held, mu));
        double trialCost = problem.cost(trial);
        if (trialCost < cost) {
          double gain = cost - trialCost;
          point = trial;
          mu = Math.max(MIN_DAMPING, mu / 3);
          improved = true;
          if (gain < tolerance * cost + 1e-16) {
            return new Optimum<>(point, iterations);
          }
          cost = problem.linearize(point, eq);
        } else {
          mu *= 4;
        }
      }
      if (!improved) {
        break;
      }
    }
    return new Optimum<>(point, iterations);
  }

  /** The parameters at a bound whose gradient {@code g} pushes outward: held still in the next step. */
  static <P> boolean[] held(Problem<P> problem, P point, double[] g) {
    boolean[] held = new boolean[g.length];
    for (int i = 0; i < g.length; i++) {
      held[i] = (problem.atLowerBound(point, i) && g[i] > 0) || (problem.atUpperBound(point, i) && g[i] < 0);
    }
    return held;
  }

  /** The damped Gauss-Newton step, held parameters fixed: the normal equations of the free ones solved alone. */
  private static double[] step(NormalEquations eq, boolean[] held, double mu) {
    int n = eq.n;
    int[] free = new int[n];
    int nf = 0;
    for (int i = 0; i < n; i++) {
      if (!held[i]) {
        free[nf++] = i;
      }
    }
    double[] a = new double[nf * nf];
    double[] b = new double[nf];
    for (int r = 0; r < nf; r++) {
      int row = free[r] * n;
      for (int c = 0; c < nf; c++) {
        a[r * nf + c] = eq.h[row + free[c]];
      }
      a[r * nf + r] += mu * a[r * nf + r] + RIDGE;
      b[r] = eq.g[free[r]];
    }
    double[] x = CholeskySolver.solve(a, b, nf);
    double[] step = new double[n];
    for (int r = 0; r < nf; r++) {
      step[free[r]] = -x[r];
    }
    return step;
  }
}
