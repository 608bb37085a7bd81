package dev.mimik.spark.job;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

/**
 * A command run on one recording inside a Spark task: the same library call the single command makes, writing the
 * same files into a local folder, which {@link RecordingAttempt} then publishes. Implementations are serializable
 * settings (they travel to the executors) and keep no state between recordings.
 */
public interface RecordingTask extends Serializable {

  /** The command's name, as in {@code mimik COMMAND}. */
  String command();

  /**
   * Runs the command on one recording.
   *
   * @param inputs turns the recording's input locations into local files
   * @param out an empty local folder: the command's outputs go here, under the names the single command uses
   * @return the numbers to aggregate in the summary (empty when the command measures none)
   */
  Map<String, Double> run(Recording recording, Inputs inputs, Path out) throws Exception;

  /** Local copies of a task's inputs. */
  interface Inputs {
    /** The location as a local file (itself when local), with those of {@code siblings} beside it that exist. */
    Path local(String location, String... siblings) throws java.io.IOException;
  }
}
