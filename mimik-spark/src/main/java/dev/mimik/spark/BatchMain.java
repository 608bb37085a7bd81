package dev.mimik.spark;

import dev.mimik.core.io.ExitCodes;
import picocli.CommandLine;

/**
 * Entry point of {@code mimik batch} (the launcher runs it for {@code mimik batch ...}, with Spark on the class
 * path; {@code spark-submit --class dev.mimik.spark.BatchMain} runs it on a cluster). Exit codes as {@code mimik}'s:
 * 0 every recording complete; 2 bad usage or input (one line naming the file and the problem); 1 anything else,
 * including a batch in which some recordings failed (the summary lists them; a re-run tries them again).
 */
public final class BatchMain {

  /** Exit code for bad usage or bad input. */
  public static final int EXIT_BAD_INPUT = ExitCodes.BAD_INPUT;
  /** Exit code for any other failure, failed recordings included. */
  public static final int EXIT_FAILURE = ExitCodes.FAILURE;

  private BatchMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code mimik batch ARGS} and returns the exit code, without exiting the JVM. */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new BatchCommand());
    cl.setExecutionExceptionHandler(BatchMain::handle);
    return cl.execute(args);
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    return ExitCodes.report(e, cl.getCommandSpec().qualifiedName(), cl.getErr());
  }
}
