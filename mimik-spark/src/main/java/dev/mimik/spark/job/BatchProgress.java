package dev.mimik.spark.job;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;

/**
 * Prints a batch's progress on the driver after every finished task: how many recordings are done, failed and
 * left. It reads the tasks' accumulators, which Spark has merged by the time it announces a task's end. Spark's
 * listener bus is asynchronous (the job may end before the last task's end is announced), so the batch calls
 * {@link #print} once more at the end; a line is printed only when the count of finished recordings has grown.
 */
final class BatchProgress extends SparkListener {

  private final PrintWriter log;
  private final String command;
  private final int total;
  private final long skipped;
  private final LongAccumulator done;
  private final LongAccumulator failed;
  private long printed = -1;

  BatchProgress(PrintWriter log, String command, int total, long skipped, LongAccumulator done,
      LongAccumulator failed) {
    this.log = log;
    this.command = command;
    this.total = total;
    this.skipped = skipped;
    this.done = done;
    this.failed = failed;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    print();
  }

  /** One line: done (of which skipped), failed, left; nothing when no recording finished since the last line. */
  synchronized void print() {
    long d = done.value() + skipped;
    long f = failed.value();
    if (d + f <= printed) {
      return;
    }
    printed = d + f;
    log.printf(Locale.ROOT, "%s: %d done (%d complete before), %d failed, %d left%n", command, d, skipped, f,
        total - d - f);
    log.flush();
  }
}
