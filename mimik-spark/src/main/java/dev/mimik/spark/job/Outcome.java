package dev.mimik.spark.job;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What became of one recording in a batch.
 *
 * @param recording the recording's id
 * @param participant its participant
 * @param status done now, skipped (complete from an earlier run) or failed
 * @param file the file at fault when failed, else null
 * @param reason why it failed, else null
 * @param metrics the numbers the command measured on it (for the summary; empty when it measures none)
 */
public record Outcome(String recording, String participant, Status status, String file, String reason,
    Map<String, Double> metrics) implements Serializable {

  /** How a recording ended. */
  public enum Status { DONE, SKIPPED, FAILED }

  public Outcome {
    metrics = new LinkedHashMap<>(metrics);
  }

  /** A recording done now. */
  public static Outcome done(Recording r, Map<String, Double> metrics) {
    return new Outcome(r.id(), r.participant(), Status.DONE, null, null, metrics);
  }

  /** A recording that failed, with the file at fault and why. */
  public static Outcome failed(Recording r, String file, String reason) {
    return new Outcome(r.id(), r.participant(), Status.FAILED, file, reason, Map.of());
  }

  /** The same outcome, as a recording an earlier run completed. */
  public Outcome skipped() {
    return new Outcome(recording, participant, Status.SKIPPED, null, null, metrics);
  }

  /** Whether the recording's outputs are complete (done now or earlier). */
  public boolean complete() {
    return status != Status.FAILED;
  }
}
