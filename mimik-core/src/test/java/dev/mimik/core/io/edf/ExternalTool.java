package dev.mimik.core.io.edf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external oracle (an MNE script through Python, biosig's save2gdf) for the cross-check tests; the Python
 * interpreter that has MNE comes from mimik-testing's {@code PythonOracle.interpreterWith("mne")}.
 */
final class ExternalTool {

  private ExternalTool() {}

  /** The result of a finished command. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Runs a command, waiting at most {@code seconds}; empty if it cannot start or does not finish. */
  static Optional<Result> run(long seconds, String... command) {
    try {
      Process p = new ProcessBuilder(command).start();
      p.getOutputStream().close();
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Whether a command is on the path (it prints its help and exits). */
  static boolean available(String command, String helpFlag) {
    return run(30, command, helpFlag).isPresent();
  }

  private static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
