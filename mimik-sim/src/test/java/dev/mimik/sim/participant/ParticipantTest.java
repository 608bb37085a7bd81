package dev.mimik.sim.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ParticipantTest {

  @Test
  void inLabKeepsThePersonAndDrawsGelledElectrodeImpedance() {
    int above10 = 0;
    for (int p = 0; p < 200; p++) {
      Participant who = Participant.draw("p" + p, 1000 + p, 2);
      Participant lab = who.inLab(50);
      above10 += who.impedanceKOhm() > 10 ? 1 : 0;
      assertThat(lab.impedanceKOhm()).isBetween(2.0, 10.0);
      assertThat(lab.electrodeNoiseUv()).isCloseTo(0.3 + 0.2 * Math.sqrt(lab.impedanceKOhm()), within(1e-12));
      assertThat(lab.electrodeNoiseUv()).isLessThan(0.94);
      assertThat(lab.powerlineHz()).isEqualTo(50);
      assertThat(lab.emgGain()).isEqualTo(who.emgGain());
      assertThat(lab.identity()).isEqualTo(who.identity());
      assertThat(lab.blinkRatePerMinute()).isEqualTo(who.blinkRatePerMinute());
      assertThat(lab.expressiveness()).isEqualTo(who.expressiveness());
      assertThat(who.inLab(50)).usingRecursiveComparison().isEqualTo(lab);
    }
    // the general draw covers dry electrodes (2-50 kOhm log-uniform: half above 10 kOhm), the lab one does not
    assertThat(above10).isBetween(70, 130);
  }
}
