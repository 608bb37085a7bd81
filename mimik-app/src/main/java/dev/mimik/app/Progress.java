package dev.mimik.app;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of one long step on stderr: a progress bar on a terminal, plain lines every tenth otherwise (the bar's
 * ANSI codes would litter logs and CI output). Warnings go to the same place.
 */
final class Progress implements AutoCloseable {

  private static final int STEPS = 1000;

  private final PrintWriter err;
  private final String task;
  private final ProgressBar bar;
  private int lastTenth = -1;

  Progress(PrintWriter err, String task) {
    this.err = err;
    this.task = task;
    this.bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName(task).setInitialMax(STEPS)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
  }

  /** Records the fraction done, from 0 to 1. */
  void update(double fraction) {
    long step = Math.round(Math.max(0, Math.min(1, fraction)) * STEPS);
    if (bar != null) {
      bar.stepTo(step);
      return;
    }
    int tenth = (int) (step * 10 / STEPS);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      err.printf("%s: %d%%%n", task, tenth * 10);
      err.flush();
    }
  }

  /** Prints a warning line. */
  void warn(String message) {
    err.println("warning: " + message);
    err.flush();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
