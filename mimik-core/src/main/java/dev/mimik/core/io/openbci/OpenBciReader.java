package dev.mimik.core.io.openbci;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalReader;
import dev.mimik.core.io.TextTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the raw text files the OpenBCI GUI (v5 and later) records: {@code %} header lines, among them
 * {@code %Sample Rate = N Hz}, then a CSV header row and one row per sample.
 *
 * <p>Only the {@code EXG Channel k} columns are kept, in microvolts; the other columns (accelerometer, digital and
 * analog pins, timestamps, the repeated {@code Not Used}) are ignored, so their names may repeat.
 */
public final class OpenBciReader implements SignalReader {

  private static final Pattern SAMPLE_RATE =
      Pattern.compile("%\\s*Sample Rate\\s*=\\s*([0-9.eE+-]+)\\s*Hz\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXG_COLUMN = Pattern.compile("EXG Channel \\d+");

  @Override
  public String formatName() {
    return "OpenBCI GUI raw text";
  }

  @Override
  public boolean recognises(Path file, byte[] head) {
    String first = TextTable.firstLine(head);
    return first.startsWith("%OpenBCI Raw EXG Data") || first.startsWith("%OpenBCI Raw EEG Data");
  }

  @Override
  public Signal read(Path file) throws IOException {
    TextTable table = TextTable.read(file);
    int index = 0;
    double rate = Double.NaN;
    for (; index < table.lineCount() && table.line(index).startsWith("%"); index++) {
      Matcher m = SAMPLE_RATE.matcher(table.line(index));
      if (m.matches()) {
        rate = parseRate(table, index, m.group(1));
      }
    }
    if (index == 0) {
      throw new BadInputException(file, "no %OpenBCI header lines");
    }
    if (Double.isNaN(rate)) {
      throw new BadInputException(file, "the header has no \"%Sample Rate = N Hz\" line");
    }
    if (index >= table.lineCount()) {
      throw new BadInputException(file, "no column header row after the % lines");
    }
    int headerLine = index;
    String[] header = table.cells(headerLine);
    List<Integer> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < header.length; c++) {
      if (EXG_COLUMN.matcher(header[c]).matches()) {
        if (names.contains(header[c])) {
          throw table.problem(headerLine, "column \"" + header[c] + "\" appears twice");
        }
        columns.add(c);
        names.add(header[c]);
      }
    }
    if (columns.isEmpty()) {
      throw table.problem(headerLine, "no \"EXG Channel k\" columns in the header row");
    }
    double[][] values = new double[columns.size()][table.lineCount() - headerLine - 1];
    int n = 0;
    for (int line = headerLine + 1; line < table.lineCount(); line++) {
      if (table.isBlank(line)) {
        continue;
      }
      String[] cells = table.cells(line);
      if (cells.length != header.length) {
        throw table.problem(line, cells.length + " columns, the header row has " + header.length);
      }
      for (int k = 0; k < columns.size(); k++) {
        values[k][n] = table.number(line, cells[columns.get(k)], names.get(k));
      }
      n++;
    }
    if (n == 0) {
      throw new BadInputException(file, "no samples after the header row");
    }
    List<Channel> channels = new ArrayList<>();
    for (int k = 0; k < columns.size(); k++) {
      channels.add(new Channel(names.get(k), "uV", rate, java.util.Arrays.copyOf(values[k], n)));
    }
    return Signal.of(channels);
  }

  private static double parseRate(TextTable table, int line, String text) {
    try {
      double rate = Double.parseDouble(text);
      if (rate > 0 && Double.isFinite(rate)) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw table.problem(line, "sample rate \"" + text + "\" is not a positive number");
  }
}
