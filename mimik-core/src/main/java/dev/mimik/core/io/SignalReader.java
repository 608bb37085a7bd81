package dev.mimik.core.io;

import dev.mimik.core.data.Signal;
import java.io.IOException;
import java.nio.file.Path;

/** Reads one biosignal file format. Implementations are stateless. */
public interface SignalReader {

  /** A short name for the format, e.g. {@code "EDF+"}. */
  String formatName();

  /**
   * Whether the file looks like this format, judged from its first bytes (up to 4096) and its name.
   *
   * @param head the first bytes of the file (fewer if the file is shorter)
   */
  boolean recognises(Path file, byte[] head);

  /**
   * Reads the whole file.
   *
   * @throws BadInputException if the content is not a valid file of this format
   */
  Signal read(Path file) throws IOException;

  /**
   * Opens the file to be read block by block ({@link SignalStream}). Formats that cannot be read in parts read the
   * whole file here and hand it over as one block.
   *
   * @throws BadInputException if the file's header is not valid for this format
   */
  default SignalStream open(Path file) throws IOException {
    return SignalStream.of(file, read(file));
  }
}
