package dev.mimik.core.io.csv;

import dev.mimik.core.io.AtomicFiles;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A CSV written one frame at a time as frames are tracked, all or nothing: a row per frame, then {@link #commit()};
 * closing without a commit leaves no file. Subclasses build each row in {@link #row} and end it with
 * {@link #endRow()}.
 */
abstract class CsvRows implements Closeable {
  /** The file being written, for error messages. */
  final Path file;
  /** The row being built. */
  final StringBuilder row = new StringBuilder();
  /** Rows written so far. */
  int frames;
  private final AtomicFiles.Output out;
  private final Writer w;

  CsvRows(Path file, String header) throws IOException {
    this.file = file;
    this.out = AtomicFiles.open(file);
    this.w = new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8);
    w.write(header + "\n");
  }

  /** Writes the row built in {@link #row} and counts it. */
  final void endRow() throws IOException {
    w.append(row).append('\n');
    frames++;
  }

  /** Every frame is written: the file appears. */
  public final void commit() throws IOException {
    w.flush();
    out.commit();
  }

  @Override
  public final void close() throws IOException {
    out.close();
  }
}
