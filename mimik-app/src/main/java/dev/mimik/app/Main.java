package dev.mimik.app;

import dev.mimik.core.io.ExitCodes;
import picocli.CommandLine;

/**
 * Entry point of the {@code mimik} command: runs a subcommand and maps failures to exit codes.
 *
 * <p>Exit codes: 0 success; 2 bad usage or bad input (one line on stderr naming the file and the problem);
 * 1 anything else.
 */
public final class Main {

  /** Exit code for bad usage or bad input. */
  public static final int EXIT_BAD_INPUT = ExitCodes.BAD_INPUT;
  /** Exit code for any other failure. */
  public static final int EXIT_FAILURE = ExitCodes.FAILURE;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code, without exiting the JVM. */
  public static int run(String... args) {
    if (args.length > 0 && args[0].equals("batch")) {
      // mimik batch lives in mimik-spark, with Spark on its class path; the launcher starts it (BatchMain)
      System.err.println("mimik batch: runs through the ./mimik launcher, which starts mimik-spark's entry point"
          + " with Spark on the class path");
      return EXIT_BAD_INPUT;
    }
    CommandLine cl = new CommandLine(new MimikCommand());
    cl.setExecutionExceptionHandler(Main::handle);
    return cl.execute(args);
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    return ExitCodes.report(e, cl.getCommandSpec().qualifiedName(), cl.getErr());
  }
}
