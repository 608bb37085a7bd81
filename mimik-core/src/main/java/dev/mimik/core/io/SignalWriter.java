package dev.mimik.core.io;

import dev.mimik.core.data.Signal;
import java.io.IOException;
import java.nio.file.Path;

/** Writes one biosignal file format. Writers produce the whole file or nothing (see {@link AtomicFiles}). */
public interface SignalWriter {

  /** A short name for the format, e.g. {@code "EDF+"}. */
  String formatName();

  void write(Signal signal, Path file) throws IOException;
}
