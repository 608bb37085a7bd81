package dev.mimik.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a failure leaves no partial output: content goes to a temporary file beside the target
 * ({@code .NAME...part}), which is renamed onto the target only when complete. A process killed while writing leaves
 * its temporary file; the next write of the same target removes it.
 */
public final class AtomicFiles {

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code file} through {@code content}, all or nothing. */
  public static void write(Path file, Content content) throws IOException {
    try (Output out = open(file)) {
      content.writeTo(out.stream());
      out.commit();
    }
  }

  /**
   * A file written over time (rows as they are computed): {@link #stream()} fills a temporary file beside the target,
   * {@link #commit()} renames it onto the target, and closing without a commit deletes it.
   */
  public static final class Output implements java.io.Closeable {
    private final Path target;
    private final Path tmp;
    private final OutputStream stream;
    private boolean done;

    private Output(Path target, Path tmp, OutputStream stream) {
      this.target = target;
      this.tmp = tmp;
      this.stream = stream;
    }

    /** Where the content goes (buffered). */
    public OutputStream stream() {
      return stream;
    }

    /** The content is complete: the file replaces the target. */
    public void commit() throws IOException {
      stream.close();
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
      if (!done) {
        try {
          stream.close();
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    }
  }

  /** Opens {@code file} for writing, all or nothing: see {@link Output}. */
  public static Output open(Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    removeLeftovers(target);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
    try {
      if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
        // createTempFile makes owner-only files; an output file is an ordinary file (rw-r--r--)
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      return new Output(target, tmp, new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** Deletes the temporary files an earlier, killed write of {@code target} left beside it. */
  private static void removeLeftovers(Path target) throws IOException {
    // Files.createTempFile names them prefix, a number, suffix
    java.util.regex.Pattern temporary = java.util.regex.Pattern.compile(
        java.util.regex.Pattern.quote("." + target.getFileName()) + "\\d+\\.part");
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(target.getParent(),
        f -> temporary.matcher(f.getFileName().toString()).matches())) {
      for (Path f : stale) {
        Files.deleteIfExists(f);
      }
    }
  }

  /** Writes the content of a folder. */
  @FunctionalInterface
  public interface FolderContent {
    void writeInto(Path dir) throws IOException;
  }

  /**
   * Writes a whole folder, all or nothing: {@code content} fills a temporary sibling folder, which is renamed to
   * {@code dir} when complete and deleted on failure.
   *
   * @throws BadInputException if {@code dir} exists and is not an empty folder
   */
  public static void writeFolder(Path dir, FolderContent content) throws IOException {
    Path target = dir.toAbsolutePath();
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new BadInputException(dir, "the output folder is a file");
      }
      try (java.util.stream.Stream<Path> s = Files.list(target)) {
        if (s.findAny().isPresent()) {
          throw new BadInputException(dir, "the output folder exists and is not empty");
        }
      }
      Files.delete(target);
    }
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
    try {
      content.writeInto(tmp);
      Files.move(tmp, target);
    } finally {
      if (Files.exists(tmp)) {
        try (java.util.stream.Stream<Path> all = Files.walk(tmp)) {
          for (Path q : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(q);
          }
        }
      }
    }
  }

  /** Writes a text file, all or nothing. */
  public static void writeString(Path file, String text) throws IOException {
    write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
