package dev.mimik.spark.job;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recording of a batch, as a line of the manifest gives it.
 *
 * @param id where its outputs go, relative to the batch's output folder ({@code p01/s02})
 * @param participant whose recording it is (the summary averages recordings per participant)
 * @param inputs its files by manifest column ({@code signals}, {@code truth}, ...), as locations Hadoop reads
 */
public record Recording(String id, String participant, Map<String, String> inputs) implements Serializable {

  public Recording {
    inputs = new LinkedHashMap<>(inputs);
  }

  /** The location in this column, or null when the manifest has no such column or leaves it empty. */
  public String input(String column) {
    String v = inputs.get(column);
    return v == null || v.isEmpty() ? null : v;
  }

  /** The first input, named in messages about the recording as a whole. */
  public String mainInput() {
    return inputs.values().stream().findFirst().orElse(id);
  }
}
