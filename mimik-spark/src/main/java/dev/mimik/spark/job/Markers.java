package dev.mimik.spark.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.spark.fs.HadoopStore;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The completion markers of a batch's output folder: {@code _batch/done/ID.json}, written after every output of
 * recording {@code ID}, so a recording with a marker is complete and a re-run skips it. The marker holds what the
 * summary needs (participant and metrics), so a re-run's summary covers the recordings it skipped.
 */
public final class Markers implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HadoopStore store;
  private final String out;

  /** @param out the batch's output folder */
  public Markers(HadoopStore store, String out) {
    this.store = store;
    this.out = out;
  }

  private String location(String recording) {
    return out + "/_batch/done/" + recording + ".json";
  }

  /** The outcome an earlier run recorded, as skipped, or null when the recording is not complete. */
  public Outcome completed(String recording) throws IOException {
    String at = location(recording);
    if (!store.exists(at)) {
      return null;
    }
    JsonNode n = JSON.readTree(store.readText(at));
    Map<String, Double> metrics = new LinkedHashMap<>();
    n.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
    return new Outcome(recording, n.path("participant").asText(), Outcome.Status.SKIPPED, null, null, metrics);
  }

  /** Marks a recording complete; call only after all its outputs are published. */
  public void complete(Outcome done) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("recording", done.recording()).put("participant", done.participant());
    ObjectNode m = n.putObject("metrics");
    done.metrics().forEach(m::put);
    store.writeText(location(done.recording()), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
  }
}
