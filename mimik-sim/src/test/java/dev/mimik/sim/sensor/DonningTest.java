package dev.mimik.sim.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.sim.Fixtures;
import dev.mimik.sim.participant.Participant;
import org.junit.jupiter.api.Test;

class DonningTest {

  @Test
  void noneLeavesTheMontageThePersonAndTheGainsAlone() {
    Montage m = Montage.earpiece();
    Participant who = Fixtures.typical();
    assertThat(Donning.none().place(m)).isSameAs(m);
    assertThat(Donning.none().on(who)).isSameAs(who);
    assertThat(Donning.none().leadGains(3)).containsExactly(1, 1, 1);
  }

  @Test
  void aFreshDonningMovesTheWholeEarpieceByItsShiftAndEachElectrodeALittleMore() {
    Montage m = Montage.earpiece();
    int moved = 0;
    double sumLogGain = 0;
    double sumSqLogGain = 0;
    int gains = 0;
    for (long seed = 1; seed <= 200; seed++) {
      Donning d = Donning.draw(seed);
      Montage placed = d.place(m);
      double[] shift = d.shiftMm();
      for (int l = 0; l < m.leads().size(); l++) {
        double[] before = m.leads().get(l).plus();
        double[] after = placed.leads().get(l).plus();
        double off = 0;
        for (int a = 0; a < 3; a++) {
          off += Math.pow(after[a] - before[a] - shift[a], 2);
        }
        // beyond the rigid shift, an electrode's own error is millimetres (sd 1 mm per axis), never centimetres
        assertThat(Math.sqrt(off)).isLessThan(6 * Donning.ELECTRODE_SD_MM);
        moved += Math.sqrt(off) > 0 ? 1 : 0;
      }
      for (double g : d.leadGains(m.leads().size())) {
        sumLogGain += Math.log(g);
        sumSqLogGain += Math.log(g) * Math.log(g);
        gains++;
      }
      Participant who = d.on(Fixtures.typical());
      assertThat(who.impedanceKOhm()).isCloseTo(5 * d.impedanceFactor(), within(1e-9));
      assertThat(who.electrodeNoiseUv()).isCloseTo(0.3 + 0.2 * Math.sqrt(who.impedanceKOhm()), within(1e-9));
      assertThat(d.leadGains(2)).isEqualTo(Donning.draw(seed).leadGains(2));
    }
    assertThat(moved).isGreaterThan(390);
    double mean = sumLogGain / gains;
    double sd = Math.sqrt(sumSqLogGain / gains - mean * mean);
    assertThat(mean).isCloseTo(0, within(0.03));
    assertThat(sd).isCloseTo(Donning.LEAD_GAIN_LOG_SD, within(0.02));
  }
}
