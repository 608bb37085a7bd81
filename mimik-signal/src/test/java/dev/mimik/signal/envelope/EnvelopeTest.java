package dev.mimik.signal.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.signal.WindowAlignment;
import dev.mimik.testing.PythonOracle;
import dev.mimik.testing.TestSignal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  @Test
  void slidingRmsEqualsTheDirectSumOverTruncatedWindows() {
    double[] x = TestSignal.of(3000, 1000, 2);
    for (WindowAlignment a : WindowAlignment.values()) {
      for (int len : new int[] {1, 2, 7, 64, 5000}) {
        double[] y = SlidingRms.of(x, len, a);
        for (int i = 0; i < x.length; i += 37) {
          int from = Math.max(0, a.firstSample(i, len));
          int to = Math.min(x.length, a.firstSample(i, len) + len);
          double s = 0;
          for (int k = from; k < to; k++) {
            s += x[k] * x[k];
          }
          assertThat(y[i]).as("%s %d at %d", a, len, i).isCloseTo(Math.sqrt(s / (to - from)), within(1e-9));
        }
      }
    }
  }

  @Test
  void streamingRmsEqualsTheTrailingWindow() {
    double[] x = TestSignal.of(10_000, 1000, 4);
    double[] whole = SlidingRms.of(x, 0.25, 1000, WindowAlignment.TRAILING);
    SlidingRms live = new SlidingRms(SlidingRms.samplesFor(0.25, 1000));
    for (int i = 0; i < x.length; i++) {
      assertThat(live.process(x[i])).isCloseTo(whole[i], within(1e-9));
    }
  }

  @Test
  void rmsOfASineIsItsAmplitudeOverRootTwo() {
    double[] x = new double[4096];
    for (int i = 0; i < x.length; i++) {
      x[i] = 3 * Math.sin(2 * Math.PI * 64 * i / 4096.0);
    }
    double[] y = SlidingRms.of(x, 2048, WindowAlignment.CENTRED);
    assertThat(y[2048]).isCloseTo(3 / Math.sqrt(2), within(1e-9));
  }

  @Test
  void rectifiedEnvelopeEqualsScipy() {
    double[] x = TestSignal.of(4000, 1000, 9);
    PythonOracle.Outputs py = PythonOracle.scipy().run(String.join("\n",
        "x = np.abs(load('x')); lp = signal.butter(2, 6, fs=1000, output='sos')",
        "save('zp', signal.sosfiltfilt(lp, x))",
        "save('causal', signal.sosfilt(lp, x, zi=signal.sosfilt_zi(lp) * x[0])[0])"),
        Map.of("x", x));
    assertThat(PythonOracle.relativeError(Envelope.rectified(x, 1000, 6, true), py.get("zp"))).isLessThan(1e-9);
    assertThat(PythonOracle.relativeError(Envelope.rectified(x, 1000, 6, false), py.get("causal"))).isLessThan(1e-9);
  }
}
