package dev.mimik.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.spark.job.Outcome;
import dev.mimik.spark.summary.MetricRollup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricRollupTest {

  private static Outcome done(String id, String who, double nme, double frames) {
    return new Outcome(id, who, Outcome.Status.DONE, null, null, Map.of("nme_percent", nme, "frames", frames));
  }

  @Test
  void participantsAverageTheirRecordingsAndTheDatasetItsParticipantsFramesAreSummed() {
    List<Outcome> outcomes = List.of(done("a/1", "a", 1, 100), done("a/2", "a", 3, 100), done("b/1", "b", 10, 50),
        new Outcome("c/1", "c", Outcome.Status.FAILED, "c.edf", "truncated", Map.of()));
    List<MetricRollup> participants = MetricRollup.perParticipant(outcomes);
    assertThat(participants).extracting(MetricRollup::name).containsExactly("a", "b");
    assertThat(participants.get(0).metrics()).containsEntry("nme_percent", 2.0).containsEntry("frames", 200.0);
    MetricRollup dataset = MetricRollup.dataset(outcomes);
    assertThat(dataset.metrics()).containsEntry("nme_percent", 6.0).containsEntry("frames", 250.0);
    assertThat(dataset.recordings()).isEqualTo(3);
    assertThat(MetricRollup.perRecording(outcomes)).hasSize(3);
  }
}
