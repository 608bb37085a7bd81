package dev.mimik.eval.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsJsonTest {

  @TempDir Path dir;

  @Test
  void startsWithTheFourKeysOfFormatsMdAndTakesMore() throws Exception {
    LandmarkTrack truth = TestTracks.still(TestTracks.face(new Random(5)), 4);
    LandmarkTrack pred = TestTracks.subset(TestTracks.shifted(truth, 0, 3), LandmarkSet.IBUG_51.ibugIndices());
    ObjectNode json = MetricsJson.of(new LandmarkEvaluator().evaluate(pred, truth));
    json.put("model", "bionet");
    Path file = dir.resolve("out/metrics.json");
    MetricsJson.write(json, file);

    JsonNode read = new ObjectMapper().readTree(Files.readString(file));
    assertThat(read.fieldNames()).toIterable().startsWith("nme_percent", "mae_mm", "frames", "per_landmark")
        .contains("excluded_landmarks", "model");
    assertThat(read.get("nme_percent").asDouble()).isCloseTo(3.0, within(1e-12));
    assertThat(read.get("mae_mm").asDouble()).isCloseTo(2.7, within(1e-12));
    assertThat(read.get("frames").asInt()).isEqualTo(4);
    assertThat(read.get("per_landmark")).hasSize(51);
    assertThat(read.get("per_landmark").get(0).get("landmark").asInt()).isEqualTo(17);
    assertThat(read.get("per_landmark").get(0).get("nme_percent").asDouble()).isCloseTo(3.0, within(1e-12));
    assertThat(read.get("excluded_landmarks")).hasSize(17);
    assertThat(Files.list(dir.resolve("out"))).containsExactly(file);
  }

  @Test
  void aTableListsDatasetParticipantsAndRecordings() {
    LandmarkTrack truth = TestTracks.still(TestTracks.face(new Random(5)), 4);
    LandmarkMetrics m = new LandmarkEvaluator().evaluate(TestTracks.shifted(truth, 2, 0), truth);
    ObjectNode json = MetricsJson.of(new MetricsTable(List.of(new MetricsTable.Entry("U1", "r1", m))));
    assertThat(json.get("dataset").get("nme_percent").asDouble()).isCloseTo(2.0, within(1e-12));
    assertThat(json.get("participants").get(0).get("name").asText()).isEqualTo("U1");
    assertThat(json.get("recordings").get(0).get("name").asText()).isEqualTo("U1/r1");
  }
}
