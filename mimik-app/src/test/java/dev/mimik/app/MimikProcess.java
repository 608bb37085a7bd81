package dev.mimik.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mimik} in a JVM of its own, for what only a separate process shows: signals, what native libraries print,
 * a real server. Closing it kills the process.
 */
final class MimikProcess implements AutoCloseable {

  private static final Pattern LOOPBACK_ADDRESS = Pattern.compile("open http://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final BufferedReader output;
  private final List<String> lines = new ArrayList<>();

  private MimikProcess(Process process) {
    this.process = process;
    this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The command that runs mimik with these arguments on the tests' class path, to adjust before it starts. */
  static ProcessBuilder command(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** Starts the command with its error stream merged into its output. */
  static MimikProcess start(ProcessBuilder command) throws IOException {
    return new MimikProcess(command.redirectErrorStream(true).start());
  }

  /**
   * Reads output up to the first line that matches and returns the match; no such line before the output ends
   * fails the test with the output read.
   */
  Matcher awaitLine(Pattern pattern) throws IOException {
    String line;
    while ((line = output.readLine()) != null) {
      lines.add(line);
      Matcher match = pattern.matcher(line);
      if (match.find()) {
        return match;
      }
    }
    throw new AssertionError("no line matches " + pattern + " in the output:\n" + String.join("\n", lines));
  }

  /** Reads output up to a server's loopback address and returns its port. */
  int awaitLoopbackPort() throws IOException {
    return Integer.parseInt(awaitLine(LOOPBACK_ADDRESS).group(1));
  }

  /**
   * Sends the process a signal ({@code TERM}, {@code INT}) and waits for it to end, at most the seconds given; the
   * output it printed until then is read.
   *
   * @return whether it ended in time
   */
  boolean stop(String signal, int seconds) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
    boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
    if (ended) {
      output.lines().forEach(lines::add);
    }
    return ended;
  }

  /** The lines of output read so far. */
  List<String> lines() {
    return lines;
  }

  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    output.close();
  }
}
