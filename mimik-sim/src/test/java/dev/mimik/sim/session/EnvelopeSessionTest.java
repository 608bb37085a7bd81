package dev.mimik.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Signal;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.sensor.Montage;
import dev.mimik.sim.sensor.MuscleCalibration;
import dev.mimik.signal.preset.EiferChain;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class EnvelopeSessionTest {

  /**
   * On a lab Fridlund session at 2048 Hz, the muscle-only envelopes predict the recorded ones closely through the
   * chain with the 513-tap (at 4096 Hz) FIR, and hardly at all through EIFER's literal 129 taps, whose "10 Hz" edge
   * lets the 5-25 uV baseline wander through. Channels an electrode pop hits are left out by taking the median.
   */
  @Test
  void theSoundFirBlocksTheWanderThatTheLiteralOneLetsThrough() {
    Participant who = Participant.draw("p01", 5, 0).inLab(50);
    double[] median = new double[2];
    int k = 0;
    for (int taps : new int[] {257, 65}) {
      EiferChain s0 = EiferChain.standard();
      EiferChain chain = new EiferChain(s0.notchHz(), s0.notchQ(), s0.lowHz(), s0.highHz(), taps, 1024, 30);
      EnvelopeSession s = EnvelopeSession.simulate("p01/s01", who, 40, 9, Montage.fridlund(), 2048,
          MuscleCalibration.builtIn(), chain);
      assertThat(s.truth().weights()).hasNumberOfRows(s.envelopes().channel(0).samples().length);
      median[k++] = medianR(s.muscleEnvelopes(), s.envelopes());
    }
    assertThat(median[0]).isGreaterThan(0.95);
    assertThat(median[1]).isLessThan(0.6);
  }

  private static double medianR(Signal clean, Signal recorded) {
    double[] r = new double[clean.channelCount()];
    for (int c = 0; c < r.length; c++) {
      r[c] = new PearsonsCorrelation().correlation(clean.channel(c).samples(), recorded.channel(c).samples());
    }
    java.util.Arrays.sort(r);
    return r[r.length / 2];
  }
}
