package dev.mimik.app;

import dev.mimik.core.io.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code mimik} command: runs a subcommand and maps failures to exit codes.
 *
 * <p>Exit codes: 0 success; 2 bad usage or bad input (one line on stderr naming the file and the problem);
 * 1 anything else.
 */
public final class Main {

  /** Exit code for bad usage or bad input. */
  public static final int EXIT_BAD_INPUT = 2;
  /** Exit code for any other failure. */
  public static final int EXIT_FAILURE = 1;

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
    PrintWriter err = cl.getErr();
    BadInputException bad = BadInputException.in(e);
    if (bad != null) {
      err.println(cl.getCommandSpec().qualifiedName() + ": " + bad.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    }
    err.println(cl.getCommandSpec().qualifiedName() + ": failed: " + e);
    if (System.getenv("MIMIK_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set MIMIK_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return EXIT_FAILURE;
  }
}
