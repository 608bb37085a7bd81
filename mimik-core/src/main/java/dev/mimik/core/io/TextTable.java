package dev.mimik.core.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a comma-separated text file, with the parsing every CSV-like reader needs: cells split and trimmed,
 * numbers parsed with the file and line number in any error.
 *
 * <p>Shared by the CSV, OpenFace, OpenBCI and blendshape readers so that they report problems the same way.
 */
public final class TextTable {

  private final Path file;
  private final List<String> lines;

  private TextTable(Path file, List<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  /**
   * Reads a UTF-8 text file (a byte-order mark is skipped).
   *
   * @throws BadInputException if the file is missing, not UTF-8 text or contains NUL bytes
   */
  public static TextTable read(Path file) throws IOException {
    SignalFormats.head(file);
    return parse(file, Files.readAllBytes(file));
  }

  /**
   * Parses UTF-8 text held in memory; {@code file} names it in messages (a resource, a file read elsewhere).
   *
   * @throws BadInputException if the bytes are not UTF-8 text or contain NUL bytes
   */
  public static TextTable parse(Path file, byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(file, "not a UTF-8 text file", e);
    }
    if (text.indexOf('\0') >= 0) {
      throw new BadInputException(file, "not a text file (contains NUL bytes)");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new TextTable(file, new ArrayList<>(text.lines().toList()));
  }

  public Path file() {
    return file;
  }

  /** Number of lines, blank ones included. */
  public int lineCount() {
    return lines.size();
  }

  /** Line {@code index} (0-based), as in the file. */
  public String line(int index) {
    return lines.get(index);
  }

  /** The cells of line {@code index}, split at commas and trimmed. */
  public String[] cells(int index) {
    return splitCells(lines.get(index));
  }

  /** A line split at commas, cells trimmed. */
  public static String[] splitCells(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i].strip();
    }
    return cells;
  }

  /** A problem at line {@code index} (0-based; reported 1-based). */
  public BadInputException problem(int index, String problem) {
    return new BadInputException(file, "line " + (index + 1) + ": " + problem);
  }

  /**
   * A finite number in a cell.
   *
   * @throws BadInputException naming the line and column if the cell is not a finite number
   */
  public double number(int index, String cell, String column) {
    double v = numberOrNaN(index, cell, column);
    if (Double.isNaN(v)) {
      throw problem(index, "column " + column + " is empty or not a number");
    }
    return v;
  }

  /**
   * A number in a cell, NaN for an empty cell or {@code nan}.
   *
   * @throws BadInputException naming the line and column if the cell holds something else or an infinity
   */
  public double numberOrNaN(int index, String cell, String column) {
    if (cell.isEmpty() || cell.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    double v;
    try {
      v = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw problem(index, "column " + column + " holds \"" + abbreviate(cell) + "\", not a number");
    }
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      throw problem(index, "column " + column + " holds \"" + abbreviate(cell) + "\", not a finite number");
    }
    return v;
  }

  /** Parses the cells of one data line (after its {@code time_s} cell has been read) into a row. */
  @FunctionalInterface
  public interface RowParser<R> {
    R parse(int index, String[] cells);
  }

  /** The data lines of a time-stamped table: their times, strictly increasing, and their parsed rows. */
  public record TimedRows<R>(double[] times, java.util.List<R> rows) {}

  /**
   * Reads every non-blank line after the header whose first cell is an increasing {@code time_s}, checking that each
   * has {@code columns} cells, and parses the rest of it with {@code parser}.
   *
   * @throws BadInputException naming the line for a wrong cell count, a bad time or a time that does not increase
   */
  public <R> TimedRows<R> timedRows(int columns, RowParser<R> parser) {
    double[] times = new double[lineCount()];
    java.util.List<R> rows = new java.util.ArrayList<>();
    for (int line = 1; line < lineCount(); line++) {
      if (isBlank(line)) {
        continue;
      }
      String[] cells = cells(line);
      if (cells.length != columns) {
        throw problem(line, cells.length + " columns, the header row has " + columns);
      }
      double t = number(line, cells[0], "time_s");
      if (!rows.isEmpty() && !(t > times[rows.size() - 1])) {
        throw problem(line, "time_s " + cells[0] + " does not increase");
      }
      times[rows.size()] = t;
      rows.add(parser.parse(line, cells));
    }
    return new TimedRows<>(java.util.Arrays.copyOf(times, rows.size()), rows);
  }

  /** Whether a line is empty or only whitespace. */
  public boolean isBlank(int index) {
    return lines.get(index).isBlank();
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  /** The first line of a file's head, for {@code recognises} checks; empty if the head is not text. */
  public static String firstLine(byte[] head) {
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
