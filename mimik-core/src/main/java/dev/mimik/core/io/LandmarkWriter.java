package dev.mimik.core.io;

import dev.mimik.core.data.LandmarkTrack;
import java.io.IOException;
import java.nio.file.Path;

/** Writes one landmark file format. Writers produce the whole file or nothing (see {@link AtomicFiles}). */
public interface LandmarkWriter {

  /** A short name for the format, e.g. {@code "OpenFace 2.0 CSV"}. */
  String formatName();

  void write(LandmarkTrack track, Path file) throws IOException;
}
