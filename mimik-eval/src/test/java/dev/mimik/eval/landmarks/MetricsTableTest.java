package dev.mimik.eval.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkTrack;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTableTest {

  private static LandmarkMetrics offset(double px, int frames) {
    LandmarkTrack truth = TestTracks.still(TestTracks.face(new Random(7)), frames);
    return new LandmarkEvaluator().evaluate(TestTracks.shifted(truth, px, 0), truth);
  }

  @Test
  void participantsAverageTheirRecordingsAndTheDatasetAveragesParticipants() {
    // eye corners are 100 px apart, so an offset of k px is k % NME and 0.9 k mm
    MetricsTable table = new MetricsTable(List.of(
        new MetricsTable.Entry("U1", "a", offset(1, 10)),
        new MetricsTable.Entry("U2", "a", offset(4, 5)),
        new MetricsTable.Entry("U1", "b", offset(3, 30))));

    assertThat(table.perRecording()).extracting(MetricsTable.Summary::name).containsExactly("U1/a", "U2/a", "U1/b");
    List<MetricsTable.Summary> participants = table.perParticipant();
    assertThat(participants).extracting(MetricsTable.Summary::name).containsExactly("U1", "U2");
    // U1: (1 + 3) / 2 whatever the frame counts; U2: 4
    assertThat(participants.get(0).nmePercent()).isCloseTo(2.0, within(1e-12));
    assertThat(participants.get(0).maeMm()).isCloseTo(1.8, within(1e-12));
    assertThat(participants.get(0).frames()).isEqualTo(40);
    assertThat(participants.get(0).recordings()).isEqualTo(2);
    assertThat(participants.get(1).nmePercent()).isCloseTo(4.0, within(1e-12));
    MetricsTable.Summary dataset = table.dataset();
    assertThat(dataset.nmePercent()).isCloseTo(3.0, within(1e-12));
    assertThat(dataset.maeMm()).isCloseTo(2.7, within(1e-12));
    assertThat(dataset.frames()).isEqualTo(45);
    assertThat(dataset.recordings()).isEqualTo(3);
  }

  @Test
  void standardDeviationsAverageUpwards() {
    LandmarkTrack truth = TestTracks.still(TestTracks.face(new Random(3)), 2);
    LandmarkTrack pred = TestTracks.shifted(truth, 0, 0);
    for (int i = 0; i < 68; i++) {
      pred.frames()[1][2 * i] += 2; // frame 0 exact, frame 1 off by 2 px: std 1 %
    }
    LandmarkMetrics spread = new LandmarkEvaluator().evaluate(pred, truth);
    MetricsTable table = new MetricsTable(List.of(
        new MetricsTable.Entry("U1", "a", spread), new MetricsTable.Entry("U1", "b", offset(1, 3))));
    assertThat(spread.nmeStdPercent()).isCloseTo(1.0, within(1e-12));
    assertThat(table.dataset().nmeStdPercent()).isCloseTo(0.5, within(1e-12));
    assertThat(table.dataset().maeStdMm()).isCloseTo(0.45, within(1e-12));
  }
}
