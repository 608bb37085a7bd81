package dev.mimik.face.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The solver on small problems that are not faces, points being plain coordinates. */
class BoundedLevenbergMarquardtTest {

  /**
   * Residuals given with their Jacobian, parameters boxed in [lower, upper]; a step adds and clamps.
   *
   * @param residuals point to {residuals, Jacobian row-major (residuals x parameters)}
   */
  private record Box(int dimension, Function<double[], double[][]> residuals, double[] lower, double[] upper)
      implements BoundedLevenbergMarquardt.Problem<double[]> {

    @Override
    public double cost(double[] x) {
      double sum = 0;
      for (double r : residuals.apply(x)[0]) {
        sum += r * r;
      }
      return sum;
    }

    @Override
    public double linearize(double[] x, NormalEquations eq) {
      eq.clear();
      double[][] rj = residuals.apply(x);
      int[] all = new int[dimension];
      for (int i = 0; i < dimension; i++) {
        all[i] = i;
      }
      double[] none = new double[dimension];
      for (int k = 0; k < rj[0].length; k++) {
        double[] row = java.util.Arrays.copyOfRange(rj[1], k * dimension, (k + 1) * dimension);
        eq.add(all, row, none, dimension, rj[0][k], 0);
      }
      eq.symmetrise();
      return cost(x);
    }

    @Override
    public boolean atLowerBound(double[] x, int i) {
      return x[i] <= lower[i];
    }

    @Override
    public boolean atUpperBound(double[] x, int i) {
      return x[i] >= upper[i];
    }

    @Override
    public double[] step(double[] x, double[] step) {
      double[] out = new double[dimension];
      for (int i = 0; i < dimension; i++) {
        out[i] = Math.min(upper[i], Math.max(lower[i], x[i] + step[i]));
      }
      return out;
    }
  }

  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void findsTheMinimumOfRosenbrocksValley() {
    Box rosenbrock = new Box(2, x -> new double[][] {
      {1 - x[0], 10 * (x[1] - x[0] * x[0])}, {-1, 0, -20 * x[0], 10}}, new double[] {-INF, -INF},
        new double[] {INF, INF});
    BoundedLevenbergMarquardt.Optimum<double[]> o = new BoundedLevenbergMarquardt(1e-15)
        .minimize(rosenbrock, new double[] {-1.2, 1}, 200);
    assertThat(o.point()[0]).isCloseTo(1, within(1e-6));
    assertThat(o.point()[1]).isCloseTo(1, within(1e-6));
    assertThat(o.iterations()).isBetween(2, 200);
  }

  @Test
  void aParameterPushedAgainstItsBoundStopsThereAndTheOthersStillConverge() {
    // unbounded minimum at (2, -7, 0.5); x0 is boxed in [0, 1], x2 starts on its lower bound but is pulled inward.
    // Once x0 is held at 1, x1 is a linear problem solved in a few steps; without the active set the coupled steps
    // keep aiming at x0 = 2, are clamped, and x1 only creeps toward its optimum -4.
    Box box = new Box(3, x -> new double[][] {
      {x[0] - 2, x[1] + 1 + 3 * x[0], x[2] - 0.5}, {1, 0, 0, 3, 1, 0, 0, 0, 1}},
        new double[] {0, -INF, 0}, new double[] {1, INF, 1});
    double[] x = new BoundedLevenbergMarquardt(1e-15).minimize(box, new double[] {0.5, 0, 0}, 20).point();
    assertThat(x[0]).isEqualTo(1);
    assertThat(x[1]).isCloseTo(-4, within(1e-9));
    assertThat(x[2]).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void stopsAfterTheGivenIterations() {
    Box rosenbrock = new Box(2, x -> new double[][] {
      {1 - x[0], 10 * (x[1] - x[0] * x[0])}, {-1, 0, -20 * x[0], 10}}, new double[] {-INF, -INF},
        new double[] {INF, INF});
    assertThat(new BoundedLevenbergMarquardt(0).minimize(rosenbrock, new double[] {-1.2, 1}, 3).iterations())
        .isEqualTo(3);
    assertThat(new BoundedLevenbergMarquardt(0).minimize(rosenbrock, new double[] {-1.2, 1}, 0).point())
        .containsExactly(-1.2, 1);
  }
}
