package dev.mimik.eval.refa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code metrics.json} of {@code mimik ego eval} ({@code docs/FORMATS.md}): the first source's five metrics
 * at the three levels, its worst recordings and subjects, its errors against the truth when there is one, and the
 * same for every other source under {@code other_sources}. Undefined values are {@code null}.
 */
public final class RefaJson {

  /** How many worst recordings and subjects are listed. */
  public static final int WORST = 5;

  private RefaJson() {}

  public static String toJson(List<SourceResult> results) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = source(mapper, results.get(0));
    if (results.size() > 1) {
      ObjectNode others = root.putObject("other_sources");
      for (SourceResult r : results.subList(1, results.size())) {
        others.set(r.source(), source(mapper, r));
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void write(List<SourceResult> results, Path file) throws IOException {
    AtomicFiles.writeString(file, toJson(results));
  }

  private static ObjectNode source(ObjectMapper mapper, SourceResult r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("source", r.source());
    RefaTable t = r.table();
    scores(o.putObject("dataset"), t.dataset());
    var subjects = o.putArray("subjects");
    t.perSubject().forEach(row -> scores(subjects.addObject().put("subject", row.name()), row));
    var recordings = o.putArray("recordings");
    t.perRecording().forEach(row -> scores(recordings.addObject().put("recording", row.name()), row));
    var worstR = o.putArray("worst_recordings");
    t.worstRecordings(WORST).forEach(row -> number(worstR.addObject().put("recording", row.name()), "mean",
        row.scores().overall()));
    var worstS = o.putArray("worst_subjects");
    t.worstSubjects(WORST).forEach(row -> number(worstS.addObject().put("subject", row.name()), "mean",
        row.scores().overall()));
    TruthErrors e = r.errors();
    if (e != null) {
      ObjectNode v = o.putObject("versus_truth");
      v.put("frames", e.frames());
      number(v, "mae", e.mae());
      number(v, "mesh_error_mm", e.meshErrorMm());
      ObjectNode agree = v.putObject("metric_vs_mesh_error_spearman");
      r.agreement().forEach((m, a) -> {
        ObjectNode x = agree.putObject(m.key());
        number(x, "rho", a.spearman());
        x.put("n", a.n());
      });
      ObjectNode per = v.putObject("per_blendshape");
      for (int k = 0; k < Blendshapes.ARKIT_52.size(); k++) {
        ObjectNode x = per.putObject(Blendshapes.ARKIT_52.get(k));
        number(x, "mae", e.mae(k));
        number(x, "pearson_r", e.pearson(k));
      }
    }
    return o;
  }

  private static void scores(ObjectNode o, RefaTable.Row row) {
    o.put("recordings", row.recordings());
    for (RefaMetric m : RefaMetric.values()) {
      number(o, m.key(), row.scores().get(m));
    }
  }

  private static void number(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(key);
    } else {
      o.put(key, Math.round(v * 1e6) / 1e6);
    }
  }
}
