package dev.mimik.core.io;

import java.nio.file.Path;

/**
 * A problem with something the user gave: a file that cannot be read as what it claims, a value out of range.
 *
 * <p>The message names the file and the problem in one line; the command line prints it and exits with code 2.
 */
public class BadInputException extends RuntimeException {

  private final transient Path file;

  /** A problem with a file: the message reads {@code "FILE: problem"}. */
  public BadInputException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** A problem with a file, caused by a lower-level failure. */
  public BadInputException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** A problem not tied to one file (a bad option value). */
  public BadInputException(String problem) {
    super(problem);
    this.file = null;
  }

  /** The first bad-input problem among {@code t} and its causes, or null when there is none. */
  public static BadInputException in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BadInputException bad) {
        return bad;
      }
    }
    return null;
  }

  /** The file at fault, or null when the problem is not about a file. */
  public Path file() {
    return file;
  }
}
