package dev.mimik.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data ({@code ../shared/data}) for tests, skipping them when it is absent. */
public final class SharedData {

  private SharedData() {}

  /** A file under {@code shared/data}; the calling test is skipped if it is not there. */
  public static Path file(String relative) {
    String root = System.getProperty("mimik.shared");
    assumeTrue(root != null && !root.isBlank(), "system property mimik.shared is not set");
    Path path = Path.of(root, "data", relative);
    assumeTrue(Files.isRegularFile(path), "shared data file absent: " + path);
    return path;
  }
}
