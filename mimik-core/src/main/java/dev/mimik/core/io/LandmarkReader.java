package dev.mimik.core.io;

import dev.mimik.core.data.LandmarkTrack;
import java.io.IOException;
import java.nio.file.Path;

/** Reads one landmark file format. Implementations are stateless. */
public interface LandmarkReader {

  String formatName();

  /** Whether the file looks like this format, judged from its first bytes and its name. */
  boolean recognises(Path file, byte[] head);

  /** @throws BadInputException if the content is not a valid file of this format */
  LandmarkTrack read(Path file) throws IOException;
}
