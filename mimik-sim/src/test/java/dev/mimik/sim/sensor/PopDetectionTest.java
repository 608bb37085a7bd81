package dev.mimik.sim.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Signal;
import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.performance.Performer;
import dev.mimik.sim.performance.Protocol;
import dev.mimik.signal.artefact.Artefact;
import dev.mimik.signal.artefact.PopDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PopDetector} on simulated Fridlund sessions against the simulator's exact electrode pops. */
class PopDetectionTest {

  /**
   * Eight participants, 60 s each at 2048 Hz with every noise component (EOG blinks and saccades, mains, wander,
   * motion artefacts during head movements): half recorded as in a lab (2-10 kOhm), half with the simulator's full
   * impedance range (2-50 kOhm, so more pops, more noise and mains). A pop counts as found when an artefact on its
   * lead holds its onset; an artefact is a false alarm when it holds no pop's onset. Also measured: how much of each
   * pop's stretch above 10 uV the artefacts cover.
   */
  @Test
  void findsTheSimulatedPopsAndLittleElse() {
    int pops = 0;
    int found = 0;
    int artefacts = 0;
    int right = 0;
    double stretch = 0;
    double covered = 0;
    Montage montage = Montage.fridlund();
    double rate = 2048;
    for (int p = 0; p < 8; p++) {
      String id = "p" + p;
      Participant drawn = Participant.draw(id, SeedStreams.derive(11, id), 0);
      Participant who = p % 2 == 0 ? drawn.inLab(50) : drawn;
      Performance perf = new Performer(120).perform(who, Protocol.bioFace3d(), 60, SeedStreams.derive(12, id));
      Biosensor sensor = new Biosensor(montage, rate);
      Signal raw = sensor.record(who, perf, 13 + p, Components.all());
      List<ElectrodePop> truth = sensor.pops(who, 13 + p, raw.channel(0).samples().length);
      List<List<Artefact>> seen = new ArrayList<>();
      for (int c = 0; c < raw.channelCount(); c++) {
        seen.add(PopDetector.standard().detect(raw.channel(c).samples(), rate));
        artefacts += seen.get(c).size();
        for (Artefact a : seen.get(c)) {
          int lead = c;
          right += truth.stream().anyMatch(t -> t.lead() == lead && a.overlaps(t.onsetSeconds(), t.onsetSeconds()))
              ? 1 : 0;
        }
      }
      for (ElectrodePop t : truth) {
        pops++;
        found += seen.get(t.lead()).stream().anyMatch(a -> a.overlaps(t.onsetSeconds(), t.onsetSeconds())) ? 1 : 0;
        double end = Math.min(60, t.onsetSeconds() + t.decaySeconds() * Math.log(Math.abs(t.amplitudeUv()) / 10));
        stretch += end - t.onsetSeconds();
        for (Artefact a : seen.get(t.lead())) {
          covered += Math.max(0, Math.min(end, a.endSeconds()) - Math.max(t.onsetSeconds(), a.startSeconds()));
        }
      }
    }
    double recall = found / (double) pops;
    double precision = right / (double) artefacts;
    System.out.printf("pops %d, found %d (recall %.3f); artefacts %d, on a pop %d (precision %.3f); "
        + "stretch above 10 uV covered %.3f%n", pops, found, recall, artefacts, right, precision, covered / stretch);
    assertThat(pops).isGreaterThan(20);
    assertThat(recall).isGreaterThan(0.95);
    assertThat(precision).isGreaterThan(0.9);
    assertThat(covered / stretch).isGreaterThan(0.9);
  }
}
