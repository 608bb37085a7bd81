package dev.mimik.spark.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A local temporary folder for one task's work, deleted with everything in it when closed. */
public final class Scratch implements AutoCloseable {

  private final Path dir;

  /** A new folder under the system's temporary folder, its name starting with {@code prefix}. */
  public Scratch(String prefix) throws IOException {
    this.dir = Files.createTempDirectory(prefix);
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
