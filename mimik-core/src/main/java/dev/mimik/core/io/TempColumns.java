package dev.mimik.core.io;

import dev.mimik.core.data.Columns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@link Columns} in temporary files, one per column, filled by appending and read back by ranges: series that grow
 * with a recording's length (its envelopes at the frame rate, its EOG bands at 128 Hz) kept off the heap. Closing
 * deletes the files; on Linux they have no name from the start (Java unlinks a file opened to be deleted on close),
 * so a killed process leaves none behind. Read and write errors are unchecked: the files are this process's own.
 */
public final class TempColumns implements Columns, AutoCloseable {

  private final Path[] files;
  private final FileChannel[] channels;
  private final int[] lengths;

  /** {@code count} empty columns in the default temporary folder. */
  public TempColumns(int count) throws IOException {
    files = new Path[count];
    channels = new FileChannel[count];
    lengths = new int[count];
    try {
      for (int c = 0; c < count; c++) {
        files[c] = Files.createTempFile("mimik-column-", ".f64");
        channels[c] = FileChannel.open(files[c], StandardOpenOption.READ, StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Appends {@code values [from, to)} to column {@code c}. */
  public void append(int c, double[] values, int from, int to) {
    ByteBuffer b = ByteBuffer.allocate((to - from) * Double.BYTES);
    b.asDoubleBuffer().put(values, from, to - from);
    try {
      long at = (long) lengths[c] * Double.BYTES;
      while (b.hasRemaining()) {
        at += channels[c].write(b, at);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lengths[c] += to - from;
  }

  @Override
  public int count() {
    return files.length;
  }

  /** The columns' common length; refused while they differ (some still being filled). */
  @Override
  public int length() {
    for (int n : lengths) {
      if (n != lengths[0]) {
        throw new IllegalStateException("columns of different lengths: " + java.util.Arrays.toString(lengths));
      }
    }
    return lengths.length == 0 ? 0 : lengths[0];
  }

  @Override
  public double[] read(int c, int from, int to) {
    if (from < 0 || to > lengths[c] || from > to) {
      throw new IndexOutOfBoundsException("values " + from + ".." + to + " of " + lengths[c]);
    }
    ByteBuffer b = ByteBuffer.allocate((to - from) * Double.BYTES);
    try {
      long at = (long) from * Double.BYTES;
      while (b.hasRemaining()) {
        int n = channels[c].read(b, at + b.position());
        if (n < 0) {
          throw new IOException(files[c] + " ended early");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double[] out = new double[to - from];
    b.flip();
    b.asDoubleBuffer().get(out);
    return out;
  }

  /** Closes and deletes the files. */
  @Override
  public void close() {
    for (int c = 0; c < channels.length; c++) {
      try {
        if (channels[c] != null) {
          channels[c].close();
        }
        if (files[c] != null) {
          Files.deleteIfExists(files[c]);
        }
      } catch (IOException e) {
        // a temporary file left behind is no error of the work done
      }
    }
  }
}
