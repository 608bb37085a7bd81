package dev.mimik.eval.landmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code metrics.json} as FORMATS.md defines it: {@code {"nme_percent", "mae_mm", "frames", "per_landmark": [...]}}
 * first, then more keys. The result is a Jackson tree, so a caller may add its own keys before writing.
 *
 * <p>Each {@code per_landmark} entry is {@code {"landmark": iBUG index, "nme_percent", "mae_mm", "points"}}; with
 * the pupils evaluated, {@code pupil_nme_percent} is theirs alone.
 */
public final class MetricsJson {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetricsJson() {}

  /** The metrics of one recording as a JSON object. */
  public static ObjectNode of(LandmarkMetrics m) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("nme_percent", m.nmePercent());
    root.put("mae_mm", m.maeMm());
    root.put("frames", m.frames());
    ArrayNode perLandmark = root.putArray("per_landmark");
    for (LandmarkError e : m.perLandmark()) {
      perLandmark.addObject()
          .put("landmark", e.ibug())
          .put("nme_percent", e.nmePercent())
          .put("mae_mm", e.maeMm())
          .put("points", e.points());
    }
    root.put("nme_std_percent", m.nmeStdPercent());
    root.put("mae_std_mm", m.maeStdMm());
    if (!Double.isNaN(m.pupilNmePercent())) {
      root.put("pupil_nme_percent", m.pupilNmePercent());
    }
    root.put("eye_corners_mm", m.eyeCornersMm());
    root.put("frames_missing", m.framesMissing());
    root.put("frames_unmatched", m.framesUnmatched());
    root.put("points_missing", m.pointsMissing());
    ArrayNode excluded = root.putArray("excluded_landmarks");
    m.excludedLandmarks().forEach(excluded::add);
    ErrorCdf cdf = m.frameNmeCdf();
    if (cdf.size() > 0) {
      ObjectNode q = root.putObject("frame_nme_percent_quantiles");
      q.put("p50", cdf.quantile(0.5));
      q.put("p80", cdf.quantile(0.8));
      q.put("p95", cdf.quantile(0.95));
      q.put("max", cdf.quantile(1.0));
    }
    return root;
  }

  /** An aggregated table: {@code {"dataset": {...}, "participants": [...], "recordings": [...]}}. */
  public static ObjectNode of(MetricsTable table) {
    ObjectNode root = MAPPER.createObjectNode();
    if (!table.recordings().isEmpty()) {
      put(root.putObject("dataset"), table.dataset());
    }
    ArrayNode participants = root.putArray("participants");
    table.perParticipant().forEach(s -> put(participants.addObject(), s));
    ArrayNode recordings = root.putArray("recordings");
    table.perRecording().forEach(s -> put(recordings.addObject(), s));
    return root;
  }

  private static void put(ObjectNode node, MetricsTable.Summary s) {
    node.put("name", s.name())
        .put("nme_percent", s.nmePercent())
        .put("mae_mm", s.maeMm())
        .put("frames", s.frames())
        .put("recordings", s.recordings())
        .put("nme_std_percent", s.nmeStdPercent())
        .put("mae_std_mm", s.maeStdMm());
  }

  /** The JSON text, indented, ending with a newline. */
  public static String toText(ObjectNode json) {
    try {
      return MAPPER.writeValueAsString(json) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** Writes the JSON to a file, all or nothing. */
  public static void write(ObjectNode json, Path file) throws IOException {
    AtomicFiles.writeString(file, toText(json));
  }
}
