package dev.mimik.signal.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.signal.WindowAlignment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameWindowingTest {

  static final double[][] RAMP = {ramp(100, 0), ramp(100, 1000)};

  static double[] ramp(int n, double base) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = base + i;
    }
    return x;
  }

  @Test
  void centredWindowSurroundsTheFrameSample() {
    FrameWindowing w = new FrameWindowing(4, WindowAlignment.CENTRED, FrameWindowing.Edge.REPLICATE);
    // fs 100 Hz, signal starts at t = 1 s; frame at 1.5 s -> sample 50
    FrameWindows out = w.cut(RAMP, 100, 1.0, new double[] {1.5});
    assertThat(out.windows()[0][0]).containsExactly(48, 49, 50, 51);
    assertThat(out.windows()[0][1]).containsExactly(1048, 1049, 1050, 1051);
    assertThat(out.complete()).containsExactly(true);
  }

  @Test
  void trailingWindowEndsAtTheFrameSample() {
    FrameWindowing w = new FrameWindowing(3, WindowAlignment.TRAILING, FrameWindowing.Edge.REPLICATE);
    FrameWindows out = w.cut(RAMP, 100, 0.0, new double[] {0.5, 0.504});
    assertThat(out.windows()[0][0]).containsExactly(48, 49, 50);
    assertThat(out.windows()[1][0]).containsExactly(48, 49, 50); // 0.504 s rounds to sample 50
  }

  @Test
  void windowsPastTheEdgesArePaddedAndFlagged() {
    FrameWindowing rep = new FrameWindowing(4, WindowAlignment.CENTRED, FrameWindowing.Edge.REPLICATE);
    FrameWindows a = rep.cut(RAMP, 100, 0.0, new double[] {0.0, 0.99});
    assertThat(a.windows()[0][0]).containsExactly(0, 0, 0, 1);
    assertThat(a.windows()[1][0]).containsExactly(97, 98, 99, 99);
    assertThat(a.complete()).containsExactly(false, false);
    FrameWindowing zero = new FrameWindowing(4, WindowAlignment.TRAILING, FrameWindowing.Edge.ZERO);
    assertThat(zero.cut(RAMP, 100, 0.0, new double[] {0.01}).windows()[0][1]).containsExactly(0, 0, 1000, 1001);
  }

  @Test
  void signalWindowsUseTheSignalsStartTime() {
    Signal s = new Signal(List.of(new Channel("a", "uV", 100, RAMP[0]), new Channel("b", "uV", 100, RAMP[1])),
        2.0, Optional.empty(), List.of());
    FrameWindows out = FrameWindowing.ofSeconds(0.03, 100, WindowAlignment.TRAILING).cut(s, new double[] {2.2});
    assertThat(out.windows()[0][1]).containsExactly(1018, 1019, 1020);
  }
}
