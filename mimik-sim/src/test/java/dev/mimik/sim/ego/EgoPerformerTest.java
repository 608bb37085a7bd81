package dev.mimik.sim.ego;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.data.PromptSegment.Eyes;
import dev.mimik.core.data.PromptSegment.Kind;
import dev.mimik.sim.performance.Performance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headset protocol: its segments and what the face does in them. */
class EgoPerformerTest {

  private static final EgoSubject WHO = EgoSubject.draw("s01", 11, 6);
  private static final EgoPerformance PERF = new EgoPerformer(120).perform(WHO, 180, 5);

  @Test
  void theProtocolCoversPeaksRestsAndTheOtherKindsInOrder() {
    List<PromptSegment> s = PERF.segments();
    assertThat(s).extracting(PromptSegment::kind).contains(Kind.PEAK, Kind.NEUTRAL, Kind.SPEECH, Kind.FREE, Kind.GAZE);
    for (int i = 1; i < s.size(); i++) {
      assertThat(s.get(i).startS()).isGreaterThanOrEqualTo(s.get(i - 1).endS() - 1e-9);
    }
    assertThat(s.stream().filter(x -> x.kind() == Kind.PEAK).map(PromptSegment::prompt).distinct().count())
        .isGreaterThan(20);
    // every peak comes from a neutral rest
    for (int i = 0; i < s.size(); i++) {
      if (s.get(i).kind() == Kind.PEAK) {
        assertThat(s.get(i - 1).kind()).isEqualTo(Kind.NEUTRAL);
      }
    }
  }

  @Test
  void closedEyesAndWinksCloseTheAskedEyesAndOnlyThose() {
    Performance p = PERF.performance();
    int left = Blendshapes.indexOf("eyeBlinkLeft");
    int right = Blendshapes.indexOf("eyeBlinkRight");
    int checked = 0;
    for (PromptSegment s : PERF.segments()) {
      if (s.eyes() != Eyes.LEFT_CLOSED && s.eyes() != Eyes.RIGHT_CLOSED && s.eyes() != Eyes.CLOSED) {
        continue;
      }
      for (double t = s.apexStartS(); t <= s.apexEndS(); t += 0.05) {
        double[] w = p.weightsAt(t);
        assertThat(w[left]).isEqualTo(s.eyes().leftClosed() ? 1.0 : 0.0, org.assertj.core.api.Assertions.within(
            s.eyes().leftClosed() ? 0.05 : 0.0));
        assertThat(w[right]).isEqualTo(s.eyes().rightClosed() ? 1.0 : 0.0, org.assertj.core.api.Assertions.within(
            s.eyes().rightClosed() ? 0.05 : 0.0));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void restsAreNeutralApartFromBlinksAndGaze() {
    Performance p = PERF.performance();
    for (PromptSegment s : PERF.segments()) {
      if (s.kind() != Kind.NEUTRAL) {
        continue;
      }
      double[] w = p.weightsAt(0.5 * (s.apexStartS() + s.apexEndS()));
      for (int k = 0; k < 52; k++) {
        String name = Blendshapes.ARKIT_52.get(k);
        if (!name.startsWith("eyeBlink") && !name.startsWith("eyeLook")) {
          assertThat(w[k]).as(name + " at rest " + s.startS()).isLessThan(0.02);
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSamePerformanceAndAnotherSeedAnother() {
    EgoPerformance again = new EgoPerformer(120).perform(WHO, 180, 5);
    EgoPerformance other = new EgoPerformer(120).perform(WHO, 180, 6);
    assertThat(again.segments()).isEqualTo(PERF.segments());
    assertThat(again.performance().weights()).isDeepEqualTo(PERF.performance().weights());
    assertThat(other.segments()).isNotEqualTo(PERF.segments());
  }
}
