package dev.mimik.signal.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.testing.PythonOracle;
import dev.mimik.testing.TestSignal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every filter against scipy.signal on the same input (one python run for the whole class). */
class FiltersMatchScipyTest {

  static final double FS = 1000.0;
  static final double TOL = 1e-9;
  static double[] x;
  static double[] shortX;
  static PythonOracle.Outputs py;

  @BeforeAll
  static void runScipy() {
    x = TestSignal.of(5000, FS, 7);
    shortX = Arrays.copyOf(x, 40);
    Map<String, double[]> in = new LinkedHashMap<>();
    in.put("x", x);
    in.put("short", shortX);
    in.put("eifer", TestSignal.of(8192, 4096, 11));
    py = PythonOracle.scipy().run(String.join("\n",
        "x = load('x'); fs = 1000.0",
        "emg = signal.butter(4, [20, 450], 'bandpass', fs=fs, output='sos')",
        "eog = signal.butter(4, [0.1, 10], 'bandpass', fs=fs, output='sos')",
        "lp = signal.butter(5, 30, 'lowpass', fs=fs, output='sos')",
        "hp = signal.butter(3, 2, 'highpass', fs=fs, output='sos')",
        "for name, s in [('emg', emg), ('eog', eog), ('lp', lp), ('hp', hp)]:",
        "    save(name + '_sosfilt', signal.sosfilt(s, x))",
        "    save(name + '_filtfilt', signal.sosfiltfilt(s, x))",
        "    w, h = signal.sosfreqz(s, worN=np.array([0.5, 5, 25, 60, 200, 440, 470]), fs=fs)",
        "    save(name + '_mag', np.abs(h))",
        "b, a = signal.iirnotch(50, 30, fs=fs)",
        "save('notch_ba', np.concatenate([b, a]))",
        "notch = np.vstack([np.concatenate(signal.iirnotch(f, 30, fs=fs)) for f in (50, 100, 150)])",
        "save('notch_filtfilt', signal.sosfiltfilt(notch, x))",
        "save('notch_zi', signal.sosfilt_zi(notch))",
        "save('lp_short', signal.sosfiltfilt(lp, load('short')))",
        "e = load('eifer')",
        "fir = signal.firwin(129, [10, 500], pass_zero=False, fs=4096)",
        "save('fir', fir)",
        "save('fir_filtfilt', signal.filtfilt(fir, [1.0], e))",
        "save('fir_lp', signal.firwin(31, 100, fs=1000))",
        "save('fir_hp', signal.firwin(31, 100, pass_zero=False, fs=1000))",
        "save('fir_kaiser', signal.firwin(41, 0.2, window=('kaiser', 5.0)))"),
        in);
  }

  static void assertClose(double[] actual, String name) {
    assertThat(PythonOracle.relativeError(actual, py.get(name))).as(name).isLessThan(TOL);
  }

  @Test
  void butterworthMagnitudeResponsesEqualScipysDesigns() {
    double[] f = {0.5, 5, 25, 60, 200, 440, 470};
    Map<String, Sos> designs = designs();
    designs.forEach((name, sos) -> {
      double[] mag = Arrays.stream(f).map(fr -> sos.magnitudeAt(fr, FS)).toArray();
      assertClose(mag, name + "_mag");
    });
  }

  @Test
  void causalFilterEqualsSosfilt() {
    designs().forEach((name, sos) -> assertClose(CausalSosFilter.filter(sos, x), name + "_sosfilt"));
  }

  @Test
  void causalFilterGivesTheSameOutputWhateverTheBlockSize() {
    Sos sos = Butterworth.bandPass(4, 20, 450, FS);
    double[] whole = CausalSosFilter.filter(sos, x);
    CausalSosFilter streaming = new CausalSosFilter(sos);
    double[] pieces = new double[x.length];
    int i = 0;
    int block = 1;
    while (i < x.length) {
      int len = Math.min(block, x.length - i);
      if (block == 1) {
        pieces[i] = streaming.process(x[i]);
      } else {
        double[] out = streaming.process(Arrays.copyOfRange(x, i, i + len));
        System.arraycopy(out, 0, pieces, i, len);
      }
      i += len;
      block = block % 97 + 13;
    }
    assertThat(pieces).containsExactly(whole);
  }

  @Test
  void shortBlocksAndTheReversedPassEqualSampleBySampleFiltering() {
    Sos sos = Butterworth.bandPass(4, 20, 450, FS); // 4 sections and a pass-through one in one pass
    CausalSosFilter single = new CausalSosFilter(sos).settleAt(x[0]);
    double[] expected = new double[300];
    for (int n = 0; n < expected.length; n++) {
      expected[n] = single.process(x[n]);
    }
    CausalSosFilter blocks = new CausalSosFilter(sos).settleAt(x[0]);
    double[] pieces = Arrays.copyOf(x, expected.length);
    for (int i = 0, len = 1; i < pieces.length; i += len, len = len % 6 + 1) {
      blocks.processInPlace(pieces, i, Math.min(len, pieces.length - i));
    }
    assertThat(pieces).containsExactly(expected);

    double[] reversed = new double[expected.length];
    for (int n = 0; n < reversed.length; n++) {
      reversed[n] = x[reversed.length - 1 - n];
    }
    new CausalSosFilter(sos).settleAt(x[0]).processReversedInPlace(reversed, 0, reversed.length);
    ZeroPhaseSosFilter.reverse(reversed);
    assertThat(reversed).containsExactly(expected);
  }

  @Test
  void zeroPhaseFilterEqualsSosfiltfilt() {
    designs().forEach((name, sos) -> assertClose(ZeroPhaseSosFilter.filter(sos, x), name + "_filtfilt"));
    assertClose(ZeroPhaseSosFilter.filter(Butterworth.lowPass(5, 30, FS), shortX), "lp_short");
  }

  @Test
  void zeroPhaseFilterRejectsSignalsShorterThanItsPadding() {
    Sos sos = Butterworth.bandPass(4, 20, 450, FS); // padlen 27
    assertThatThrownBy(() -> ZeroPhaseSosFilter.filter(sos, new double[27]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("27");
  }

  @Test
  void notchEqualsIirnotchAndItsInitialConditionsEqualSosfiltZi() {
    double[][] s = Notch.at(50, 30, FS).sections();
    double[] ba = py.get("notch_ba");
    assertThat(PythonOracle.relativeError(new double[] {s[0][0], s[0][1], s[0][2], s[0][3], s[0][4], s[0][5]}, ba))
        .isLessThan(1e-14);
    Sos harmonics = Notch.withHarmonics(50, 30, FS, 160);
    assertThat(harmonics.sectionCount()).isEqualTo(3);
    assertClose(ZeroPhaseSosFilter.filter(harmonics, x), "notch_filtfilt");
    assertClose(Arrays.stream(harmonics.steadyStateStates()).flatMapToDouble(Arrays::stream).toArray(), "notch_zi");
  }

  @Test
  void firDesignsEqualFirwin() {
    assertClose(Fir.bandPass(129, 10, 500, 4096).taps(), "fir");
    assertClose(Fir.windowed(31, new double[] {100}, FirWindow.hamming(), true, 1000).taps(), "fir_lp");
    assertClose(Fir.windowed(31, new double[] {100}, FirWindow.hamming(), false, 1000).taps(), "fir_hp");
    assertClose(Fir.windowed(41, new double[] {0.2}, FirWindow.kaiser(5.0), true, 2.0).taps(), "fir_kaiser");
  }

  @Test
  void zeroPhaseFirEqualsFiltfilt() {
    double[] e = TestSignal.of(8192, 4096, 11);
    assertClose(ZeroPhaseFirFilter.filter(Fir.bandPass(129, 10, 500, 4096), e), "fir_filtfilt");
  }

  static Map<String, Sos> designs() {
    Map<String, Sos> d = new LinkedHashMap<>();
    d.put("emg", Butterworth.bandPass(4, 20, 450, FS));
    d.put("eog", Butterworth.bandPass(4, 0.1, 10, FS));
    d.put("lp", Butterworth.lowPass(5, 30, FS));
    d.put("hp", Butterworth.highPass(3, 2, FS));
    return d;
  }
}
