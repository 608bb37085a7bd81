package dev.mimik.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real Fridlund per-emotion table in {@code ../shared} (or {@code -Dmimik.shared}); tests skip without it. */
final class SharedFridlund {

  private SharedFridlund() {}

  /** The table's path; skips the calling test, saying why, when it is absent. */
  static Path table() {
    Path table = Path.of(System.getProperty("mimik.shared", "../shared"), "data/emg-fridlund/fridlund.csv");
    Assumptions.assumeTrue(Files.isRegularFile(table), "no " + table + " (shared data absent)");
    return table;
  }
}
