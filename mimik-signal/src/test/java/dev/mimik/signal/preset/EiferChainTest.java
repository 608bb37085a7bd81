package dev.mimik.signal.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.testing.PythonOracle;
import dev.mimik.testing.TestSignal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EiferChainTest {

  @Test
  void chainEqualsTheSameStepsInScipy() {
    double[] x = TestSignal.of(4096 * 3, 4096, 13);
    PythonOracle.Outputs py = PythonOracle.scipy().run(String.join("\n",
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
    assertThat(PythonOracle.relativeError(out.channel(0).samples(), py.get("y"))).isLessThan(1e-9);
  }

  /**
   * The EOG band (mimik's extension of the chain) is scipy's mean removal, 4th-order 0.1-10 Hz Butterworth
   * band-pass ({@code sosfiltfilt}) and {@code resample_poly} to 30 frames per second, and leaves
   * {@link EiferChain#apply} (the paper's chain) as it was.
   */
  @Test
  void eogBandEqualsTheSameStepsInScipy() {
    double[] x = TestSignal.of(2048 * 6, 2048, 17);
    for (int i = 0; i < x.length; i++) {
      x[i] += 40 + 30 * Math.sin(2 * Math.PI * 1.5 * i / 2048.0);
    }
    PythonOracle.Outputs py = PythonOracle.scipy().run(String.join("\n",
        "x = load('x'); fs = 2048.0",
        "x = signal.sosfiltfilt(signal.butter(4, [0.1, 10], 'bandpass', fs=fs, output='sos'), x - x.mean())",
        "save('y', signal.resample_poly(x, 15, 1024))"),
        Map.of("x", x));
    double[] y = EiferChain.standard().eogBand(x, 2048);
    assertThat(y).hasSize(180);
    assertThat(PythonOracle.relativeError(y, py.get("y"))).isLessThan(1e-9);
  }

  /**
   * EIFER's 129-tap FIR lets baseline wander through (scipy's {@code freqz} of the same design: -3.5 dB at 0.3 Hz,
   * -7 dB forward and backward), {@link EiferChain#sound()}'s 513 taps block it (-23.5 dB, -47 dB); both pass the
   * EMG band. Measured on the whole chain:
   * the envelope of a 0.3 Hz, 100 uV wander plus 5 uV of 100 Hz EMG-band signal.
   */
  @Test
  void soundChainBlocksBaselineWanderThatTheLiteralOnePasses() {
    double fs = 4096;
    double[] wander = new double[(int) fs * 20];
    double[] band = new double[wander.length];
    for (int i = 0; i < wander.length; i++) {
      wander[i] = 100 * Math.sin(2 * Math.PI * 0.3 * i / fs) + 5 * Math.sin(2 * Math.PI * 100 * i / fs);
      band[i] = 5 * Math.sin(2 * Math.PI * 100 * i / fs);
    }
    PythonOracle.Outputs py = PythonOracle.scipy().run(String.join("\n",
        "w, h = signal.freqz(signal.firwin(129, [10, 500], pass_zero=False, fs=4096.0), worN=[0.3], fs=4096.0)",
        "w2, h2 = signal.freqz(signal.firwin(513, [10, 500], pass_zero=False, fs=4096.0), worN=[0.3], fs=4096.0)",
        "save('gain', np.abs(np.concatenate([h, h2])))"), Map.of());
    double literalGain = py.get("gain")[0];
    double soundGain = py.get("gain")[1];
    assertThat(literalGain).isGreaterThan(0.5);
    assertThat(soundGain).isLessThan(0.1);
    for (EiferChain chain : List.of(EiferChain.standard(), EiferChain.sound())) {
      // forward and backward: the FIR's gain squared
      double gain = Math.pow(chain.equals(EiferChain.standard()) ? literalGain : soundGain, 2);
      double[] with = middle(chain.apply(wander, fs));
      double[] without = middle(chain.apply(band, fs));
      // mean square of the tone after the chain (the notch takes 10 % at 100 Hz) plus the passed wander
      double tone = rms(without);
      double expected = Math.sqrt(tone * tone + 5000 * gain * gain);
      assertThat(tone).isCloseTo(5 / Math.sqrt(2), within(0.4));
      assertThat(rms(with)).isCloseTo(expected, within(0.05 * expected));
    }
    assertThat(EiferChain.sound().taps()).isEqualTo(513);
    assertThat(EiferChain.sound().withTaps(129)).isEqualTo(EiferChain.standard());
  }

  private static double[] middle(double[] v) {
    return java.util.Arrays.copyOfRange(v, v.length / 4, 3 * v.length / 4);
  }

  private static double rms(double[] v) {
    return Math.sqrt(java.util.Arrays.stream(v).map(x -> x * x).average().orElseThrow());
  }
}
