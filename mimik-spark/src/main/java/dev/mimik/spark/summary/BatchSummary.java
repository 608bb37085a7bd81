package dev.mimik.spark.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.spark.fs.HadoopStore;
import dev.mimik.spark.job.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A batch's summary in its output folder: {@code metrics.json} (counts, every failed recording with its file and
 * reason, and the metrics aggregated per recording, participant and dataset) and {@code report.html} (the same as
 * tables).
 */
public final class BatchSummary {

  /** How many metric columns the report's tables show (metrics.json has them all). */
  static final int REPORT_COLUMNS = 8;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String command;
  private final List<Outcome> outcomes;

  public BatchSummary(String command, List<Outcome> outcomes) {
    this.command = command;
    this.outcomes = List.copyOf(outcomes);
  }

  /** How many recordings ended this way. */
  public long count(Outcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  /** The failed recordings. */
  public List<Outcome> failures() {
    return outcomes.stream().filter(o -> !o.complete()).toList();
  }

  /** metrics.json. */
  public ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("command", command).put("recordings", outcomes.size()).put("done", count(Outcome.Status.DONE))
        .put("skipped", count(Outcome.Status.SKIPPED)).put("failed", count(Outcome.Status.FAILED));
    ArrayNode failed = root.putArray("failures");
    for (Outcome o : failures()) {
      failed.addObject().put("recording", o.recording()).put("participant", o.participant()).put("file", o.file())
          .put("reason", o.reason());
    }
    if (outcomes.stream().anyMatch(o -> o.complete() && !o.metrics().isEmpty())) {
      put(root.putObject("dataset"), MetricRollup.dataset(outcomes));
      ArrayNode participants = root.putArray("participants");
      MetricRollup.perParticipant(outcomes).forEach(r -> put(participants.addObject(), r));
      ArrayNode recordings = root.putArray("per_recording");
      MetricRollup.perRecording(outcomes).forEach(r -> put(recordings.addObject(), r));
    }
    return root;
  }

  private static void put(ObjectNode node, MetricRollup row) {
    node.put("name", row.name()).put("recordings", row.recordings());
    row.metrics().forEach(node::put);
  }

  /** report.html. */
  public HtmlReport report() {
    HtmlReport r = new HtmlReport("mimik batch " + command);
    r.paragraph(String.format(Locale.ROOT, "%d recordings: %d done in this run, %d complete from an earlier run,"
        + " %d failed.", outcomes.size(), count(Outcome.Status.DONE), count(Outcome.Status.SKIPPED),
        count(Outcome.Status.FAILED)));
    if (!failures().isEmpty()) {
      r.heading("Failed recordings").table(List.of("recording", "participant", "file", "reason"),
          failures().stream().map(o -> List.of(o.recording(), o.participant(), o.file(), o.reason())).toList());
    }
    if (outcomes.stream().anyMatch(o -> o.complete() && !o.metrics().isEmpty())) {
      r.heading("Dataset").paragraph("Each participant is the mean of its recordings, the dataset the mean of its"
          + " participants (frames are summed).");
      table(r, List.of(MetricRollup.dataset(outcomes)));
      r.heading("Participants");
      table(r, MetricRollup.perParticipant(outcomes));
      r.heading("Recordings");
      table(r, MetricRollup.perRecording(outcomes));
    }
    return r;
  }

  private static void table(HtmlReport r, List<MetricRollup> rows) {
    List<String> columns = rows.get(0).metrics().keySet().stream().limit(REPORT_COLUMNS).toList();
    List<String> header = new ArrayList<>(List.of("name", "recordings"));
    header.addAll(columns);
    r.table(header, rows.stream().map(row -> {
      List<Object> cells = new ArrayList<>(List.of(row.name(), row.recordings()));
      columns.forEach(c -> cells.add(row.metrics().containsKey(c)
          ? String.format(Locale.ROOT, "%.4g", row.metrics().get(c)) : ""));
      return cells;
    }).toList());
  }

  /** Writes metrics.json and report.html into the batch's output folder. */
  public void write(HadoopStore store, String out) throws IOException {
    String html = report().toHtml();
    store.writeText(out + "/metrics.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json()) + "\n");
    store.writeText(out + "/report.html", html);
  }
}
