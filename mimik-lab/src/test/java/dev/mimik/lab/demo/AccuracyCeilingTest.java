package dev.mimik.lab.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.bioface.TrainingData;
import dev.mimik.sim.sensor.Biosensor;
import dev.mimik.sim.sensor.Components;
import dev.mimik.sim.sensor.Montage;
import dev.mimik.sim.session.SimulatedSession;
import dev.mimik.sim.session.SimulationSettings;
import dev.mimik.sim.session.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccuracyCeilingTest {

  private static final long SEED = 5;
  private static SimulationSettings settings;
  private static SimulatedSession session;

  @BeforeAll
  static void simulate() throws Exception {
    settings = new SimulationSettings(1, 2, 1, SEED, Montage.earpiece(), 1000, Demo.FPS, 120);
    Simulator simulator = new Simulator(EmbeddedRig.load(), null, settings);
    session = simulator.session(simulator.participant(0), 1);
  }

  /** The ceiling's variants differ from the benchmark's sessions only in what they change: same seeds, same bytes. */
  @Test
  void aSessionRecordedAgainWithItsOwnDonningIsTheSimulatorsRecording() {
    SimulatedSession again = AccuracyCeiling.recorded(new Biosensor(settings.montage(), settings.rate()), SEED,
        session, session.donning(), Components.all());
    for (int c = 0; c < session.signals().channels().size(); c++) {
      assertThat(again.signals().channels().get(c).samples())
          .isEqualTo(session.signals().channels().get(c).samples());
    }
  }

  /**
   * The noise-free lead amplitude is what the recorded EMG's power averages to: the mean square of an EMG-only
   * recording over the session against the mean of the squared amplitudes at every sample.
   */
  @Test
  void theLeadsNoiseFreeAmplitudeIsTheRmsOfTheirRecordedEmg() {
    SimulatedSession emg = AccuracyCeiling.recorded(new Biosensor(settings.montage(), settings.rate()), SEED, session,
        session.donning(), Components.emgOnly());
    int n = emg.signals().channels().get(0).samples().length;
    double[] times = new double[n];
    for (int i = 0; i < n; i++) {
      times[i] = i / settings.rate();
    }
    TrainingData frames = new TrainingData(null, new float[n][][], new float[n][], new int[n], times);
    float[][][] amplitude = new AccuracyCeiling.Truth(session, settings.montage()).at(frames,
        AccuracyCeiling.Feature.LEADS);
    for (int c = 0; c < emg.signals().channels().size(); c++) {
      double recorded = 0;
      double truth = 0;
      for (int i = 0; i < n; i++) {
        double x = emg.signals().channels().get(c).samples()[i];
        double a = Math.expm1(amplitude[i][c][0]);
        recorded += x * x / n;
        truth += a * a / n;
      }
      assertThat(truth).isGreaterThan(0);
      assertThat(recorded / truth).as("lead " + c).isCloseTo(1, within(0.04));
    }
  }
}
