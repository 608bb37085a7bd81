package dev.mimik.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.testing.PythonOracle;
import dev.mimik.testing.TestSignal;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunningMedianTest {

  /** Away from the ends (where mimik's window shrinks and scipy's pads), scipy's {@code median_filter}. */
  @Test
  void equalsScipysMedianFilterInside() {
    double[] x = TestSignal.of(3000, 100, 5);
    int half = 32;
    PythonOracle.Outputs py = PythonOracle.scipy().requiring("scipy.ndimage").run(String.join("\n",
        "from scipy import ndimage",
        "save('y', ndimage.median_filter(load('x'), size=65))"), Map.of("x", x));
    double[] y = RunningMedian.of(x, half);
    assertThat(Arrays.copyOfRange(y, half, x.length - half))
        .containsExactly(Arrays.copyOfRange(py.get("y"), half, x.length - half));
    assertThat(RunningMedian.median(new double[] {4, 1, 3, 2}, 4)).isEqualTo(2.5);
  }

  /**
   * Every window, ends included, is the median a sort of that window gives: on values with many ties, a NaN, and
   * windows wider than the signal.
   */
  @Test
  void everyWindowIsTheMedianOfItsSortedValues() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(9);
    for (int half : new int[] {0, 1, 3, 20, 400}) {
      double[] x = new double[301];
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextInt(7) - 3.0 + (i % 50 == 0 ? 0.5 : 0);
      }
      x[120] = Double.NaN;
      double[] y = RunningMedian.of(x, half);
      for (int c = 0; c < x.length; c++) {
        double[] w = Arrays.copyOfRange(x, Math.max(0, c - half), Math.min(x.length, c + half + 1));
        Arrays.sort(w);
        double expected = w.length % 2 == 1 ? w[w.length / 2] : 0.5 * (w[w.length / 2 - 1] + w[w.length / 2]);
        assertThat(Double.valueOf(y[c])).as("half %d, centre %d", half, c).isEqualTo(Double.valueOf(expected));
      }
    }
    double[] odd = {5, -1, 9, 9, 2, 7, 3};
    assertThat(RunningMedian.median(odd.clone(), 7)).isEqualTo(5);
    assertThat(RunningMedian.median(odd.clone(), 4)).isEqualTo(7);
    assertThat(RunningMedian.median(new double[] {1, Double.NaN, 3, 2}, 4)).isEqualTo(2.5);
  }
}
