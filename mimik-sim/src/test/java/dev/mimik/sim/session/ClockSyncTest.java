package dev.mimik.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.sim.camera.CameraModel;
import dev.mimik.sim.camera.SketchRig;
import dev.mimik.sim.sensor.Montage;
import dev.mimik.signal.sync.ClockMapping;
import dev.mimik.signal.sync.OffsetEstimate;
import dev.mimik.signal.sync.OffsetEstimator;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Automatic clock sync ({@code signal.sync.OffsetEstimator}) against the simulator's true clocks: realistic
 * earpiece sessions (re-donned, expressions coming and going at no fixed rhythm, speech) filmed by cameras whose
 * clocks are -5 to +5 s off and drift by 80 ppm; and pairs of recordings that do not belong together, where it must
 * not claim a clear peak.
 */
class ClockSyncTest {

  private static final double FPS = 30;
  private static Simulator sim;
  /** Two participants' two 3-minute sessions: {@code [participant][session]}. */
  private static SimulatedSession[][] sessions;

  @BeforeAll
  static void simulate() {
    sim = new Simulator(SketchRig.build(), SessionWriter.of("edf"),
        new SimulationSettings(2, 2, 3, 21, Montage.earpiece(), 1000, FPS, 120, Conditions.realistic()));
    sessions = new SimulatedSession[2][2];
    for (int p = 0; p < 2; p++) {
      for (int s = 0; s < 2; s++) {
        sessions[p][s] = sim.session(sim.participant(p), s);
      }
    }
  }

  @Test
  void recoversOffsetsFromMinusFiveToFiveSecondsWithDriftWithinOneFrame() {
    OffsetEstimator estimator = OffsetEstimator.standard();
    double[] offsets = {-5, -3.7, -1.2, 0.4, 2.9, 5};
    for (int p = 0; p < 2; p++) {
      SimulatedSession s = sessions[p][0];
      for (int k = p; k < offsets.length; k += 2) {
        double drift = (k % 4 < 2 ? 1 : -1) * 80;
        CameraModel camera = new CameraModel(FPS, 1280, 720, 1000, 600, s.camera().noisePx(),
            s.camera().dropProbability(), offsets[k], drift);
        LandmarkTrack landmarks = sim.refilmed(s, camera).capture().detected();
        OffsetEstimate e = estimator.estimate(s.signals(), landmarks);
        double worst = worstError(e.mapping(), new ClockMapping(offsets[k], drift * 1e-6), landmarks);
        System.out.printf(Locale.ROOT, "%s offset %+.2f s drift %+.0f ppm: found %+.4f s %+.1f ppm, worst frame"
            + " error %.1f ms, peak %.3f, runner-up %.3f at %+.2f s, psr %.1f%n", s.id(), offsets[k], drift,
            e.offsetSeconds(), e.drift() * 1e6, 1000 * worst, e.peakCorrelation(), e.runnerUpCorrelation(),
            e.runnerUpOffsetSeconds(), e.peakToSidelobe());
        assertThat(worst).as("worst frame error, s").isLessThan(1 / FPS);
        assertThat(estimator.isClear(e)).isTrue();
      }
    }
    // the session as the simulator filmed it, with its own drawn clock
    SimulatedSession own = sessions[1][1];
    OffsetEstimate e = estimator.estimate(own.signals(), own.capture().detected());
    ClockMapping truth = new ClockMapping(own.camera().clockOffsetS(), own.camera().driftPpm() * 1e-6);
    assertThat(worstError(e.mapping(), truth, own.capture().detected())).isLessThan(1 / FPS);
  }

  @Test
  void claimsNoClearPeakForLandmarksOfAnotherRecording() {
    OffsetEstimator estimator = OffsetEstimator.standard();
    SimulatedSession[][] pairs = {
      {sessions[0][0], sessions[0][1]}, {sessions[0][1], sessions[1][0]}, {sessions[1][0], sessions[0][0]},
      {sessions[1][1], sessions[1][0]}
    };
    for (SimulatedSession[] pair : pairs) {
      OffsetEstimate e = estimator.estimate(pair[0].signals(), pair[1].capture().detected());
      System.out.printf(Locale.ROOT, "signals %s, landmarks %s: %+.3f s, peak %.3f, runner-up %.3f at %+.2f s,"
          + " psr %.1f%n", pair[0].id(), pair[1].id(), e.offsetSeconds(), e.peakCorrelation(),
          e.runnerUpCorrelation(), e.runnerUpOffsetSeconds(), e.peakToSidelobe());
      assertThat(estimator.isClear(e)).as("%s against %s", pair[0].id(), pair[1].id()).isFalse();
    }
  }

  /**
   * A participant whose electrodes sit on the skin through a high impedance: the simulator's mains hum for 60 kOhm
   * (0.4 uV per kOhm, harmonics 1, 0.1 and 0.3), on 50 Hz here and on 60 Hz there, over the session's own signals.
   */
  @Test
  void findsTheOffsetThroughTheMainsHumOfAHighImpedance() {
    OffsetEstimator estimator = OffsetEstimator.standard();
    SimulatedSession s = sessions[0][0];
    for (double mainsHz : new double[] {50, 60}) {
      Signal hummed = s.signals().withChannels(s.signals().channels().stream().map(c -> {
        double[] x = c.samples().clone();
        double[] harmonic = {1.0, 0.1, 0.3};
        for (int h = 0; h < harmonic.length; h++) {
          double w = 2 * Math.PI * (h + 1) * mainsHz / c.samplingRate();
          for (int i = 0; i < x.length; i++) {
            x[i] += 0.4 * 60 * harmonic[h] * Math.sin(w * i + h);
          }
        }
        return new Channel(c.name(), c.unit(), c.samplingRate(), x);
      }).toList());
      LandmarkTrack landmarks = s.capture().detected();
      OffsetEstimate e = estimator.estimate(hummed, landmarks);
      ClockMapping truth = new ClockMapping(s.camera().clockOffsetS(), s.camera().driftPpm() * 1e-6);
      System.out.printf(Locale.ROOT, "%s with %.0f Hz hum: %+.3f s (true %+.3f s), peak %.3f, psr %.1f%n", s.id(),
          mainsHz, e.offsetSeconds(), s.camera().clockOffsetS(), e.peakCorrelation(), e.peakToSidelobe());
      assertThat(estimator.isClear(e)).isTrue();
      assertThat(worstError(e.mapping(), truth, landmarks)).isLessThan(1 / FPS);
    }
  }

  /** The largest difference, over the frames, between the biosignal times two mappings give. */
  private static double worstError(ClockMapping found, ClockMapping truth, LandmarkTrack landmarks) {
    double worst = 0;
    for (double t : landmarks.timesSeconds()) {
      worst = Math.max(worst, Math.abs(found.toBiosignalTime(t) - truth.toBiosignalTime(t)));
    }
    return worst;
  }
}
