package dev.mimik.signal.preset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.signal.Scipy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EiferChainTest {

  @Test
  void chainEqualsTheSameStepsInScipy() {
    double[] x = Scipy.testSignal(4096 * 3, 4096, 13);
    Map<String, double[]> py = Scipy.run(String.join("\n",
        "x = load('x'); fs = 4096.0",
        "x = x - x.mean()",
        "b, a = signal.iirnotch(50, 2, fs=fs); x = signal.filtfilt(b, a, x)",
        "x = signal.filtfilt(signal.firwin(129, [10, 500], pass_zero=False, fs=fs), [1.0], x)",
        "n = 2048; c = np.concatenate([[0.0], np.cumsum(x * x)]); i = np.arange(len(x))",
        "lo = np.clip(i - n // 2, 0, len(x)); hi = np.clip(i - n // 2 + n, 0, len(x))",
        "save('y', signal.resample_poly(np.sqrt((c[hi] - c[lo]) / (hi - lo)), 15, 2048))"),
        Map.of("x", x));
    Signal out = EiferChain.standard().apply(Signal.of(List.of(new Channel("zyg-L", "uV", 4096, x))));
    assertThat(out.samplingRate()).isEqualTo(30);
    assertThat(out.channel(0).samples()).hasSize(90);
    assertThat(Scipy.relativeError(out.channel(0).samples(), py.get("y"))).isLessThan(1e-9);
  }
}
