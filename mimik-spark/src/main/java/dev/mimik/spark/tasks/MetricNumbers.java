package dev.mimik.spark.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The top-level numbers of a command's {@code metrics.json}: what a batch summary averages. */
final class MetricNumbers {

  private MetricNumbers() {}

  /** Each top-level numeric field, in the file's order; empty for null. */
  static Map<String, Double> of(ObjectNode json) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (json != null) {
      json.fields().forEachRemaining(e -> {
        if (e.getValue().isNumber()) {
          out.put(e.getKey(), e.getValue().asDouble());
        }
      });
    }
    return out;
  }
}
