package dev.mimik.core.io;

import dev.mimik.core.data.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The biosignal formats mimik knows, and reading a file by recognising its content. */
public final class SignalFormats {

  private static final int HEAD_BYTES = 4096;

  private final List<SignalReader> readers;

  /** The registry of a given list of readers, tried in order. */
  public SignalFormats(List<SignalReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /** Every built-in format. */
  public static SignalFormats standard() {
    return new SignalFormats(List.of(
        new dev.mimik.core.io.edf.EdfReader(),
        new dev.mimik.core.io.openbci.OpenBciReader(),
        new dev.mimik.core.io.csv.CsvSignalReader(),
        new dev.mimik.core.io.xdf.XdfReader()));
  }

  public List<SignalReader> readers() {
    return readers;
  }

  /** The reader that recognises the file, if any. */
  public Optional<SignalReader> readerFor(Path file) throws IOException {
    byte[] head = head(file);
    return readers.stream().filter(r -> r.recognises(file, head)).findFirst();
  }

  /**
   * Reads a biosignal file of any known format.
   *
   * @throws BadInputException if the file is missing, empty, of unknown format, or invalid
   */
  public Signal read(Path file) throws IOException {
    return reader(file).read(file);
  }

  /**
   * Opens a biosignal file of any known format to be read block by block.
   *
   * @throws BadInputException if the file is missing, empty, of unknown format, or its header is invalid
   */
  public SignalStream open(Path file) throws IOException {
    return reader(file).open(file);
  }

  private SignalReader reader(Path file) throws IOException {
    return readerFor(file).orElseThrow(() -> new BadInputException(file,
        "unknown biosignal format (expected EDF, EDF+, BDF, BDF+, OpenBCI GUI text, XDF or CSV with time_s)"));
  }

  /** The first bytes of a file, checking that it exists and is not empty. */
  static byte[] head(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file, Files.exists(file) ? "not a regular file" : "no such file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(HEAD_BYTES);
      if (head.length == 0) {
        throw new BadInputException(file, "the file is empty");
      }
      return head;
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, "no such file", e);
    }
  }
}
