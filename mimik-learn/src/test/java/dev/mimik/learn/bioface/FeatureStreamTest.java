package dev.mimik.learn.bioface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.Signal;
import dev.mimik.testing.PythonOracle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureStreamTest {

  private static final FrontEnd FE = SyntheticSession.FRONT_END;

  private static double[][] raw(Signal s) {
    return new double[][] {s.channel(0).samples(), s.channel(1).samples()};
  }

  /** Windows at every frame time {@code k / fps} that is complete once {@code upTo} samples are in. */
  private static void collect(FeatureStream stream, double start, int upTo, List<float[][]> out, int[] nextFrame) {
    double last = start + (upTo - 1) / FE.samplingRateHz();
    while (nextFrame[0] / FE.fps() <= last) {
      float[][] w = new float[FE.inputCount()][FE.windowSamples()];
      out.add(stream.window(nextFrame[0] / FE.fps(), w) ? w : null);
      nextFrame[0]++;
    }
  }

  @Test
  void windowsAreTheSameWhetherSamplesArriveInOneBlockOrInRandomBlocks() {
    double start = 0.25;
    double[][] x = raw(SyntheticSession.signal(start, 6, FE.samplingRateHz(), 3));
    int n = x[0].length;
    FeatureStream whole = new FeatureStream(FE, start, 10);
    whole.pushRaw(x);
    List<float[][]> expected = new ArrayList<>();
    collect(whole, start, n, expected, new int[] {(int) Math.ceil(start * FE.fps())});

    Random r = new Random(9);
    FeatureStream live = new FeatureStream(FE, start, FE.windowSeconds() + 1.0); // blocks up to 0.8 s
    List<float[][]> actual = new ArrayList<>();
    int[] next = {(int) Math.ceil(start * FE.fps())};
    for (int from = 0; from < n; ) {
      int to = Math.min(n, from + 1 + r.nextInt(r.nextBoolean() ? 7 : 400));
      double[][] block = {Arrays.copyOfRange(x[0], from, to), Arrays.copyOfRange(x[1], from, to)};
      live.pushRaw(block);
      collect(live, start, to, actual, next);
      from = to;
    }
    assertThat(actual).hasSameSizeAs(expected).hasSizeGreaterThan(150);
    assertThat(expected.get(0)).as("no window before 0.2 s of history").isNull();
    assertThat(expected.get(expected.size() - 1)).isNotNull();
    for (int f = 0; f < expected.size(); f++) {
      if (expected.get(f) == null) {
        assertThat(actual.get(f)).as("frame %d", f).isNull();
      } else {
        assertThat(actual.get(f)).as("frame %d", f).isDeepEqualTo(expected.get(f));
      }
    }
  }

  @Test
  void featuresEqualScipyCausalFiltersTrailingRmsLog1pAndDecimation() throws Exception {
    double start = 1.0;
    double[][] x = raw(SyntheticSession.signal(start, 4, FE.samplingRateHz(), 4));
    int n = x[0].length;
    // one window covering the whole recording, so every feature can be read back
    FrontEnd all = new FrontEnd(FE.channels(), FE.samplingRateHz(), FE.emgLowHz(), FE.emgHighHz(), FE.eogLowHz(),
        FE.eogHighHz(), FE.mainsHz(), FE.envelopeSeconds(), FE.decimation(), n / FE.samplingRateHz(), FE.fps());
    FeatureStream stream = new FeatureStream(all, start, 10);
    stream.pushRaw(x);
    float[][] w = new float[all.inputCount()][all.windowSamples()];
    assertThat(stream.window(start + (n - 1) / FE.samplingRateHz(), w)).isTrue();
    for (int c = 0; c < 2; c++) {
      String code = String.join("\n",
          "x = load('x'); fs = 500.0",
          "notch = np.vstack([np.concatenate(signal.iirnotch(f, 30, fs=fs)) for f in (50, 100, 150, 200)])",
          "emg = signal.sosfilt(np.vstack([notch, signal.butter(4, [20, 0.95 * fs / 2], 'bandpass', fs=fs, output='sos')]), x)",
          "eog = signal.sosfilt(np.vstack([notch, signal.butter(4, [0.1, 10], 'bandpass', fs=fs, output='sos')]), x)",
          "W = 25; i = np.arange(len(x)); lo = np.maximum(0, i - W + 1)",
          "c = np.concatenate([[0.0], np.cumsum(emg ** 2)])",
          "rms = np.sqrt((c[i + 1] - c[lo]) / (i + 1 - lo))",
          "save('features', np.concatenate([np.log1p(rms)[4::5], eog[4::5]]))");
      double[] py = PythonOracle.scipy().run(code, Map.of("x", x[c])).get("features");
      int k = all.windowSamples();
      assertThat(py).hasSize(2 * k);
      double eogScale = Arrays.stream(py, k, 2 * k).map(Math::abs).max().orElseThrow();
      for (int i = 0; i < k; i++) {
        assertThat((double) w[2 * c][i]).as("EMG feature %d of channel %d", i, c).isCloseTo(py[i], within(1e-5 * Math.max(1, py[i])));
        assertThat((double) w[2 * c + 1][i]).as("EOG feature %d of channel %d", i, c).isCloseTo(py[k + i], within(1e-5 * eogScale));
      }
    }
  }

  /** The scipy chain of one raw channel up to the EMG band, at the synthetic front end's 500 Hz. */
  private static final String EMG_BAND = String.join("\n",
      "x = load('x'); fs = 500.0",
      "notch = np.vstack([np.concatenate(signal.iirnotch(f, 30, fs=fs)) for f in (50, 100, 150, 200)])",
      "emg = signal.sosfilt(np.vstack([notch, signal.butter(4, [20, 0.95 * fs / 2], 'bandpass', fs=fs, output='sos')]), x)",
      "eog = signal.sosfilt(np.vstack([notch, signal.butter(4, [0.1, 10], 'bandpass', fs=fs, output='sos')]), x)",
      "def env(y):",
      "    W = 25; i = np.arange(len(y)); lo = np.maximum(0, i - W + 1)",
      "    c = np.concatenate([[0.0], np.cumsum(y ** 2)])",
      "    return np.log1p(np.sqrt((c[i + 1] - c[lo]) / (i + 1 - lo)))[4::5]");

  /** Every feature of a whole recording from a front end like {@code fe} whose one window covers it all. */
  private static float[][] allFeatures(FrontEnd fe, double start, double[][] x) {
    int n = x[0].length;
    FrontEnd all = fe.withWindowSeconds(n / fe.samplingRateHz());
    FeatureStream stream = new FeatureStream(all, start, 10);
    stream.pushRaw(x);
    float[][] w = new float[all.inputCount()][all.windowSamples()];
    assertThat(stream.window(start + (n - 1) / fe.samplingRateHz(), w)).isTrue();
    return w;
  }

  @Test
  void subBandEnvelopesEqualScipyLogSpacedButterworthBandsOfTheEmgBand() throws Exception {
    double start = 0.5;
    double[][] x = raw(SyntheticSession.signal(start, 4, FE.samplingRateHz(), 5));
    FrontEnd three = FE.withEmgSubBands(3);
    assertThat(three.inputCount()).isEqualTo(8);
    float[][] w = allFeatures(three, start, x);
    for (int c = 0; c < 2; c++) {
      String code = String.join("\n", EMG_BAND,
          "edges = 20 * (0.95 * fs / 2 / 20) ** (np.arange(4) / 3)",
          "bands = [env(signal.sosfilt(signal.butter(4, [edges[b], edges[b + 1]], 'bandpass', fs=fs, output='sos'),"
              + " emg)) for b in range(3)]",
          "save('features', np.concatenate(bands + [eog[4::5]]))");
      double[] py = PythonOracle.scipy().run(code, Map.of("x", x[c])).get("features");
      int k = w[0].length;
      assertThat(py).hasSize(4 * k);
      double eogScale = Arrays.stream(py, 3 * k, 4 * k).map(Math::abs).max().orElseThrow();
      for (int b = 0; b < 4; b++) {
        for (int i = 0; i < k; i++) {
          double want = py[b * k + i];
          assertThat((double) w[4 * c + b][i]).as("input %d of channel %d, feature %d", b, c, i)
              .isCloseTo(want, within(b < 3 ? 1e-5 * Math.max(1, want) : 1e-5 * eogScale));
        }
      }
      for (int b = 0; b < 3; b++) { // the bands carry different parts of the spectrum, not copies of one envelope
        assertThat((double) w[4 * c + b][k - 1]).isNotCloseTo(w[4 * c + (b + 1) % 3][k - 1], within(1e-3));
      }
    }
  }

  @Test
  void sessionNormalisedInputsAreZScoredOnTheRecordingSoFarAsNumpyComputesIt() throws Exception {
    double start = 0.0;
    double[][] x = raw(SyntheticSession.signal(start, 4, FE.samplingRateHz(), 6));
    float[][] w = allFeatures(FE.withSessionNormalised(true), start, x);
    String code = String.join("\n", EMG_BAND,
        "def z(f):",
        "    k = np.arange(1, len(f) + 1); m = np.cumsum(f) / k",
        "    sd = np.sqrt(np.maximum(np.cumsum(f * f) / k - m * m, 0))",
        "    return (f - m) / np.maximum(sd, 1e-6)",
        "save('features', np.concatenate([z(env(emg)), z(eog[4::5])]))");
    double[] py = PythonOracle.scipy().run(code, Map.of("x", x[1])).get("features");
    int k = w[0].length;
    assertThat(py).hasSize(2 * k);
    assertThat(w[2][0]).as("one feature is its own mean").isZero();
    for (int i = 1; i < k; i++) {
      assertThat((double) w[2][i]).as("EMG feature %d", i).isCloseTo(py[i], within(1e-4 * Math.max(1, Math.abs(py[i]))));
      assertThat((double) w[3][i]).as("EOG feature %d", i).isCloseTo(py[k + i],
          within(1e-4 * Math.max(1, Math.abs(py[k + i]))));
    }
    // a gain on the electrode changes nothing but the first seconds' statistics
    double[][] louder = {x[0], Arrays.stream(x[1]).map(v -> 1.5 * v).toArray()};
    float[][] v = allFeatures(FE.withSessionNormalised(true), start, louder);
    assertThat((double) v[3][k - 1]).isCloseTo(w[3][k - 1], within(1e-4));
  }

  @Test
  void windowForATimeEndsAtTheLastFeatureAtOrBeforeItAndNeedsAFullWindowOfHistory() {
    double start = 10.0;
    double fs = FE.samplingRateHz();
    int d = FE.decimation();
    int window = FE.windowSamples();
    int n = 1003;
    double[][] emg = new double[2][n];
    double[][] eog = new double[2][n];
    for (int i = 0; i < n; i++) {
      eog[0][i] = i; // the EOG input carries the raw sample index, so each feature says where it came from
      eog[1][i] = -i;
    }
    FeatureStream stream = new FeatureStream(FE, start, 10);
    stream.pushBands(emg, eog, 0, 600);
    float[][] w = new float[FE.inputCount()][window];
    Random r = new Random(1);
    for (int trial = 0; trial < 200; trial++) {
      double t = start + (window * d - 1) / fs + r.nextDouble() * 0.9; // up to sample ~549, the last pushed is 599
      assertThat(stream.window(t, w)).as("t = %s", t).isTrue();
      int last = (int) w[1][window - 1];
      assertThat(start + last / fs).isLessThanOrEqualTo(t + 1e-9);
      assertThat(start + (last + d) / fs).isGreaterThan(t);
      assertThat((last + 1) % d).isZero();
      for (int s = 0; s < window; s++) {
        assertThat(w[1][s]).isEqualTo((float) (last - (window - 1 - s) * d));
        assertThat(w[3][s]).isEqualTo(-w[1][s]);
        assertThat(w[0][s]).isZero(); // log1p of a zero envelope
      }
    }
    double firstFull = start + (window * d - 1) / fs;
    assertThat(stream.window(firstFull, w)).isTrue();
    assertThat(w[1][0]).isEqualTo(d - 1f);
    assertThat(stream.window(firstFull - 0.5 / fs, w)).as("one feature short of a window").isFalse();
    assertThat(stream.window(start + 599 / fs, w)).isTrue();
    assertThat(stream.window(start + 604 / fs, w)).as("after the samples pushed").isFalse();
    assertThat(stream.nextSampleSeconds()).isCloseTo(start + 600 / fs, within(1e-12));
    stream.pushBands(emg, eog, 600, n);
    assertThat(stream.window(start + 604 / fs, w)).isTrue();
    assertThat(w[1][window - 1]).isEqualTo(604f);
    assertThat(stream.window(firstFull, w)).as("history of 10 s").isTrue();

    FeatureStream shortHistory = new FeatureStream(FE, start, FE.windowSeconds());
    shortHistory.pushBands(emg, eog, 0, n);
    assertThat(shortHistory.window(start + (n - 1) / fs, w)).isTrue();
    assertThat(w[1][window - 1]).isEqualTo(999f);
    assertThat(shortHistory.window(firstFull, w)).as("beyond the kept history").isFalse();
    assertThat(shortHistory.window(start + 900 / fs, w)).as("beyond the kept history").isFalse();
  }
}
