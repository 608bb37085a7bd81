package dev.mimik.signal.resample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.testing.PythonOracle;
import dev.mimik.testing.TestSignal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resampler against scipy.signal.resample_poly on the same input. */
class PolyphaseResamplerTest {

  static final int[][] RATIOS = {{1, 4}, {3, 2}, {2, 3}, {15, 2048}, {5, 1}, {4, 6}, {7, 3}};
  static double[] x;
  static double[] odd;
  static PythonOracle.Outputs py;

  @BeforeAll
  static void runScipy() {
    x = TestSignal.of(9001, 1000, 3);
    odd = TestSignal.of(37, 1000, 5);
    Map<String, double[]> in = new LinkedHashMap<>();
    in.put("x", x);
    in.put("odd", odd);
    StringBuilder code = new StringBuilder("x = load('x'); o = load('odd')\n");
    for (int[] r : RATIOS) {
      code.append(String.format("save('x_%d_%d', signal.resample_poly(x, %d, %d))%n", r[0], r[1], r[0], r[1]));
      code.append(String.format("save('o_%d_%d', signal.resample_poly(o, %d, %d))%n", r[0], r[1], r[0], r[1]));
    }
    py = PythonOracle.scipy().run(code.toString(), in);
  }

  @Test
  void resamplingEqualsResamplePolyForEveryRatio() {
    for (int[] r : RATIOS) {
      PolyphaseResampler resampler = new PolyphaseResampler(r[0], r[1]);
      for (String name : new String[] {"x", "o"}) {
        double[] input = name.equals("x") ? x : odd;
        double[] expected = py.get(name + "_" + r[0] + "_" + r[1]);
        double[] actual = resampler.resample(input);
        assertThat(actual).as("%s %d/%d", name, r[0], r[1]).hasSize(expected.length);
        assertThat(PythonOracle.relativeError(actual, expected)).as("%s %d/%d", name, r[0], r[1]).isLessThan(1e-9);
      }
    }
  }

  @Test
  void ratesReduceByTheirGreatestCommonDivisor() {
    PolyphaseResampler r = PolyphaseResampler.between(4096, 30);
    assertThat(r.up()).isEqualTo(15);
    assertThat(r.down()).isEqualTo(2048);
    assertThat(r.outputLength(4096 * 10)).isEqualTo(300);
  }
}
