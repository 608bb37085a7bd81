package dev.mimik.signal.band;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Channel;
import dev.mimik.signal.filter.CausalSosFilter;
import dev.mimik.testing.PythonOracle;
import dev.mimik.testing.TestSignal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BandSplitterTest {

  @Test
  void splitEqualsScipyNotchThenButterworthZeroPhase() {
    double[] x = TestSignal.of(6000, 1000, 21);
    PythonOracle.Outputs py = PythonOracle.scipy().run(String.join("\n",
        "x = load('x'); fs = 1000.0",
        "notch = np.vstack([np.concatenate(signal.iirnotch(f, 30, fs=fs)) for f in (50, 100, 150, 200, 250)])",
        "emg = np.vstack([notch, signal.butter(4, [20, 450], 'bandpass', fs=fs, output='sos')])",
        "eog = np.vstack([notch, signal.butter(4, [0.1, 10], 'bandpass', fs=fs, output='sos')])",
        "save('emg', signal.sosfiltfilt(emg, x)); save('eog', signal.sosfiltfilt(eog, x))",
        "save('emg_causal', signal.sosfilt(emg, x)); save('eog_causal', signal.sosfilt(eog, x))",
        "save('clipped', signal.sosfiltfilt(signal.butter(4, [20, 0.95 * 250], 'bandpass', fs=500, output='sos'), x))"),
        Map.of("x", x));
    BandSplitter.Split split = BandSplitter.standard().split(new Channel("A1", "uV", 1000, x));
    assertThat(split.emg().name()).isEqualTo("A1-EMG");
    assertThat(PythonOracle.relativeError(split.emg().samples(), py.get("emg"))).isLessThan(1e-9);
    assertThat(PythonOracle.relativeError(split.eog().samples(), py.get("eog"))).isLessThan(1e-9);

    BandSplitter.Live live = BandSplitter.standard().live(1000);
    double[] emgOut = new double[x.length];
    double[] eogOut = new double[x.length];
    live.process(x, emgOut, eogOut);
    assertThat(PythonOracle.relativeError(emgOut, py.get("emg_causal"))).isLessThan(1e-9);
    assertThat(PythonOracle.relativeError(eogOut, py.get("eog_causal"))).isLessThan(1e-9);

    BandSplitter noNotch = new BandSplitter(Band.emg(), Band.eog(), Optional.empty());
    double[] clipped = noNotch.split(new Channel("A1", "uV", 500, x)).emg().samples();
    assertThat(PythonOracle.relativeError(clipped, py.get("clipped"))).isLessThan(1e-9);
  }

  @Test
  void upperEdgeIsClippedBelowNyquist() {
    assertThat(Band.emg().effectiveHighHz(500)).isEqualTo(237.5);
    assertThat(Band.emg().effectiveHighHz(2000)).isEqualTo(450);
    assertThat(MainsNotch.europe().design(250).sectionCount()).isEqualTo(2); // 50, 100; 150+ above Nyquist
    var us = MainsNotch.americas().design(1000);
    assertThat(us.sectionCount()).isEqualTo(5); // 60 .. 300 Hz
    assertThat(us.magnitudeAt(180, 1000)).isLessThan(1e-9);
    assertThat(us.magnitudeAt(90, 1000)).isGreaterThan(0.95);
  }

  @Test
  void emgBandPassesMuscleFrequenciesAndStopsEyeFrequencies() {
    var emg = BandSplitter.standard().emgFilter(1000);
    assertThat(emg.magnitudeAt(120, 1000)).isBetween(0.95, 1.05);
    assertThat(emg.magnitudeAt(2, 1000)).isLessThan(1e-4);
    assertThat(emg.magnitudeAt(50, 1000)).isLessThan(1e-6);
    var eog = BandSplitter.standard().eogFilter(1000);
    assertThat(eog.magnitudeAt(2, 1000)).isBetween(0.95, 1.05);
    assertThat(eog.magnitudeAt(120, 1000)).isLessThan(1e-4);
    assertThat(new CausalSosFilter(eog).process(0.0)).isZero();
  }
}
