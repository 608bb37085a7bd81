package dev.mimik.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunningMedianTest {

  /** Away from the ends (where mimik's window shrinks and scipy's pads), scipy's {@code median_filter}. */
  @Test
  void equalsScipysMedianFilterInside() {
    double[] x = Scipy.testSignal(3000, 100, 5);
    int half = 32;
    Map<String, double[]> py = Scipy.run(String.join("\n",
        "from scipy import ndimage",
        "save('y', ndimage.median_filter(load('x'), size=65))"), Map.of("x", x));
    double[] y = RunningMedian.of(x, half);
    assertThat(Arrays.copyOfRange(y, half, x.length - half))
        .containsExactly(Arrays.copyOfRange(py.get("y"), half, x.length - half));
    assertThat(RunningMedian.median(new double[] {4, 1, 3, 2}, 4)).isEqualTo(2.5);
  }
}
