package dev.mimik.core.io;

import java.io.PrintWriter;

/**
 * The exit codes of mimik's command lines and how a failed command reports itself, shared by {@code mimik} and
 * {@code mimik batch}: 0 success; 2 bad usage or bad input (one line naming the file and the problem); 1 anything
 * else (one line, the stack trace only with {@code MIMIK_DEBUG} set).
 */
public final class ExitCodes {

  /** Exit code for bad usage or bad input. */
  public static final int BAD_INPUT = 2;
  /** Exit code for any other failure. */
  public static final int FAILURE = 1;

  private ExitCodes() {}

  /** Prints what {@code command} failed of to {@code err} and returns the exit code for it. */
  public static int report(Exception e, String command, PrintWriter err) {
    BadInputException bad = BadInputException.in(e);
    if (bad != null) {
      err.println(command + ": " + bad.getMessage());
      err.flush();
      return BAD_INPUT;
    }
    err.println(command + ": failed: " + e);
    if (System.getenv("MIMIK_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set MIMIK_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return FAILURE;
  }
}
