package dev.mimik.sim.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.sim.participant.Participant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PerformerTest {

  private final Performer performer = new Performer(120);

  @Test
  void blinkStatisticsStayWithinTheLiteratureRanges() {
    double rateSum = 0;
    int people = 12;
    for (int p = 0; p < people; p++) {
      Participant who = Participant.draw("p" + p, 100 + p, 0);
      Performance perf = performer.perform(who, Protocol.bioFace3d(), 600, 7 + p);
      List<Blink> blinks = perf.blinks();
      double rate = blinks.size() / (perf.durationSeconds() / 60);
      double[] durations = blinks.stream().mapToDouble(Blink::durationS).toArray();
      double meanDuration = Arrays.stream(durations).average().orElseThrow();
      double[] intervals = new double[blinks.size() - 1];
      for (int i = 1; i < blinks.size(); i++) {
        intervals[i - 1] = blinks.get(i).onsetS() - blinks.get(i - 1).onsetS();
      }
      double meanInterval = Arrays.stream(intervals).average().orElseThrow();
      double sd = Math.sqrt(Arrays.stream(intervals).map(x -> (x - meanInterval) * (x - meanInterval)).sum()
          / (intervals.length - 1));
      System.out.printf(Locale.ROOT, "%s: %.1f blinks/min (drawn %.1f), mean duration %.0f ms, interval CV %.2f%n",
          who.id(), rate, who.blinkRatePerMinute(), 1000 * meanDuration, sd / meanInterval);
      // spontaneous blinking at rest or in conversation: 8-30 per minute (Doughty 2001; Bentivoglio 1997)
      assertThat(rate).isBetween(6.0, 32.0);
      // full blink 100-400 ms, typically 200-300 ms (Caffier et al. 2003; VanderWerf et al. 2003)
      assertThat(Arrays.stream(durations).min().orElseThrow()).isGreaterThanOrEqualTo(0.1);
      assertThat(Arrays.stream(durations).max().orElseThrow()).isLessThanOrEqualTo(0.5);
      assertThat(meanDuration).isBetween(0.15, 0.4);
      // spontaneous inter-blink intervals are irregular (CV well above 0.3; Ponder and Kennedy 1927)
      assertThat(sd / meanInterval).isBetween(0.3, 1.2);
      rateSum += rate;
    }
    assertThat(rateSum / people).isBetween(12.0, 22.0);
  }

  @Test
  void everyExpressionOfTheProtocolIsPerformedWithOnsetApexAndOffset() {
    Participant who = Participant.draw("p1", 1, 0);
    Performance perf = performer.perform(who, Protocol.bioFace3d(), 240, 3);
    for (Expression e : Expression.values()) {
      List<Segment> trials = perf.segments().stream().filter(s -> s.label().equals(e.label())).toList();
      assertThat(trials).as(e.label()).hasSizeGreaterThanOrEqualTo(2);
      for (Segment s : trials) {
        assertThat(s.onsetS()).isLessThan(s.apexStartS());
        assertThat(s.apexStartS()).isLessThan(s.apexEndS());
        assertThat(s.apexEndS()).isLessThan(s.endS());
      }
    }
    Segment happy = perf.segments().stream().filter(s -> s.label().equals("happy")).findFirst().orElseThrow();
    int smile = Blendshapes.indexOf("mouthSmileLeft");
    double mid = 0.5 * (happy.apexStartS() + happy.apexEndS());
    assertThat(perf.weightAt(smile, mid)).isCloseTo(0.9 * happy.intensity(),
        org.assertj.core.data.Offset.offset(0.06));
    assertThat(perf.segments()).anyMatch(s -> s.label().equals("speech"));
    for (double[] row : perf.weights()) {
      for (double w : row) {
        assertThat(w).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void naturalFacesVaryInIntensityTimingBlendAndAsymmetryAndSpeechShowsVisemes() {
    Participant who = Participant.draw("p1", 1, 0);
    List<PosedFace> faces = List.of(Expression.values());
    Performance perf = performer.perform(who, Protocol.natural(faces), 600, 5);
    List<Segment> trials = perf.segments().stream()
        .filter(s -> faces.stream().anyMatch(f -> f.label().equals(s.label())) && s.intensity() > 0).toList();
    double[] intensity = trials.stream().mapToDouble(s -> s.intensity() / who.expressiveness()).toArray();
    // from subtle to full, not the template's 85-100 %
    assertThat(Arrays.stream(intensity).min().orElseThrow()).isLessThan(0.4);
    assertThat(Arrays.stream(intensity).max().orElseThrow()).isGreaterThan(0.9);
    double[] apex = trials.stream().mapToDouble(s -> s.apexEndS() - s.apexStartS()).toArray();
    assertThat(Arrays.stream(apex).min().orElseThrow()).isLessThan(0.6);
    assertThat(Arrays.stream(apex).max().orElseThrow()).isGreaterThan(2.5);
    // blends: a trial starts while another is still on
    long overlapping = 0;
    for (int i = 1; i < trials.size(); i++) {
      overlapping += trials.get(i).onsetS() < trials.get(i - 1).endS() ? 1 : 0;
    }
    assertThat(overlapping).isGreaterThan(trials.size() / 10);
    // left-right imbalance at the apex of smiles
    int left = Blendshapes.indexOf("mouthSmileLeft");
    int right = Blendshapes.indexOf("mouthSmileRight");
    double largest = 0;
    for (Segment s : trials) {
      double mid = 0.5 * (s.apexStartS() + s.apexEndS());
      double l = perf.weightAt(left, mid);
      double r = perf.weightAt(right, mid);
      if (s.label().equals("happy") && l + r > 0.4) {
        largest = Math.max(largest, Math.abs(l - r) / (l + r));
      }
    }
    assertThat(largest).isGreaterThan(0.1);
    // speech rounds and puckers the lips (the visemes oh, ou, CH, RR)
    int pucker = Blendshapes.indexOf("mouthPucker");
    int funnel = Blendshapes.indexOf("mouthFunnel");
    Segment speech = perf.segments().stream().filter(s -> s.label().equals("speech")).findFirst().orElseThrow();
    double rounded = 0;
    for (double t = speech.onsetS(); t < speech.endS(); t += 0.01) {
      rounded = Math.max(rounded, perf.weightAt(pucker, t) + perf.weightAt(funnel, t));
    }
    assertThat(rounded).isGreaterThan(0.3);
  }

  @Test
  void sameSeedSamePerformanceOtherSeedOther() {
    Participant who = Participant.draw("p1", 1, 3);
    Performance a = performer.perform(who, Protocol.bioFace3d(), 60, 42);
    Performance b = performer.perform(who, Protocol.bioFace3d(), 60, 42);
    Performance c = performer.perform(who, Protocol.bioFace3d(), 60, 43);
    assertThat(a.weights()).isDeepEqualTo(b.weights());
    assertThat(a.gazeYawDeg()).isEqualTo(b.gazeYawDeg());
    assertThat(a.blinks()).isEqualTo(b.blinks());
    assertThat(Arrays.deepEquals(a.weights(), c.weights())).isFalse();
  }
}
