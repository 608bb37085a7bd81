package dev.mimik.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void writesWholeFileReadableByOthers() throws IOException {
    Path file = dir.resolve("sub/out.txt");
    AtomicFiles.writeString(file, "hello");
    assertThat(file).hasContent("hello");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
  }

  @Test
  void failureLeavesNoFileAndKeepsTheOldOne() throws IOException {
    Path file = dir.resolve("out.txt");
    Files.writeString(file, "old");
    assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
      out.write("partial".getBytes());
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(file).hasContent("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  /** What a killed write left (its temporary file) goes with the next write of the same file, and nothing else. */
  @Test
  void theNextWriteRemovesTheTemporaryFileAKilledOneLeft() throws IOException {
    Path killed = Files.writeString(dir.resolve(".out.txt4242.part"), "half");
    Path other = Files.writeString(dir.resolve(".out.txt.bak7.part"), "not ours");
    Path neighbour = Files.writeString(dir.resolve(".out.txtx99.part"), "another file's");
    AtomicFiles.writeString(dir.resolve("out.txt"), "whole");
    assertThat(killed).doesNotExist();
    assertThat(other).exists();
    assertThat(neighbour).exists();
    assertThat(dir.resolve("out.txt")).hasContent("whole");
  }

  /** A file written over time appears only when committed; closed before that, it leaves nothing. */
  @Test
  void anOutputAppearsOnlyWhenCommitted() throws IOException {
    Path file = dir.resolve("rows.csv");
    try (AtomicFiles.Output out = AtomicFiles.open(file)) {
      out.stream().write("a,b\n".getBytes());
      out.stream().flush();
      assertThat(file).doesNotExist();
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    try (AtomicFiles.Output out = AtomicFiles.open(file)) {
      out.stream().write("a,b\n".getBytes());
      out.commit();
    }
    assertThat(file).hasContent("a,b");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
