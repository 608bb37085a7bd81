package dev.mimik.spark.job;

import dev.mimik.core.io.BadInputException;
import dev.mimik.spark.fs.HadoopStore;
import dev.mimik.spark.fs.Scratch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;

/**
 * One Spark task: runs a {@link RecordingTask} on one recording in a scratch folder, publishes its outputs under
 * {@code OUT/ID/} and then writes the recording's completion marker. A recording complete from an earlier run is
 * skipped; a recording that fails is reported as failed (its file and the reason) and leaves no marker, so the
 * others go on and a re-run tries it again. A retried or speculative attempt writes the same files under the same
 * names, each through a temporary name, so retries never duplicate an output.
 */
final class RecordingAttempt implements Function<Recording, Outcome> {

  private static final long serialVersionUID = 1L;

  private final RecordingTask task;
  private final HadoopStore store;
  private final String out;
  private final Markers markers;
  private final LongAccumulator done;
  private final LongAccumulator failed;

  RecordingAttempt(RecordingTask task, HadoopStore store, String out, LongAccumulator done, LongAccumulator failed) {
    this.task = task;
    this.store = store;
    this.out = out;
    this.markers = new Markers(store, out);
    this.done = done;
    this.failed = failed;
  }

  @Override
  public Outcome call(Recording r) throws Exception {
    Outcome earlier = markers.completed(r.id());
    if (earlier != null) {
      done.add(1);
      return earlier;
    }
    Map<Path, String> staged = new HashMap<>();
    try (Scratch work = new Scratch("mimik-batch-")) {
      Path scratch = work.dir();
      Path local = Files.createDirectory(scratch.resolve("out"));
      RecordingTask.Inputs inputs = (location, siblings) -> {
        Path p = store.stage(location, scratch, siblings);
        staged.put(p, location);
        return p;
      };
      Outcome outcome = Outcome.done(r, task.run(r, inputs, local));
      store.deleteTemporaries(out + "/" + r.id());
      store.publishFolder(local, out + "/" + r.id());
      markers.complete(outcome);
      done.add(1);
      return outcome;
    } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
      if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
        throw e; // the task was killed: Spark decides what comes next, nothing is reported
      }
      failed.add(1);
      return failure(r, e, staged);
    }
  }

  /** The failed outcome: the file at fault (as the manifest named it) and the reason in one line. */
  private static Outcome failure(Recording r, Throwable e, Map<Path, String> staged) {
    BadInputException bad = BadInputException.in(e);
    if (bad != null) {
      String file = bad.file() == null ? HadoopStore.display(r.mainInput())
          : HadoopStore.display(staged.getOrDefault(bad.file(), bad.file().toString()));
      String reason = bad.file() == null ? bad.getMessage()
          : bad.getMessage().substring(Math.min(bad.getMessage().length(), bad.file().toString().length() + 2));
      return Outcome.failed(r, file, reason);
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
        + e.getMessage();
    return Outcome.failed(r, HadoopStore.display(r.mainInput()), reason.lines().findFirst().orElse(reason));
  }
}
