package dev.mimik.core.io.csv;

import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.TextTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes a headset recording's {@code segments.csv}: header
 * {@code prompt,kind,start_s,apex_start_s,apex_end_s,end_s,eyes,lips}, one protocol segment per line in time order
 * ({@code docs/FORMATS.md}).
 */
public final class PromptSegmentsCsv {

  /** The header row. */
  public static final String HEADER = "prompt,kind,start_s,apex_start_s,apex_end_s,end_s,eyes,lips";

  private PromptSegmentsCsv() {}

  /** @throws BadInputException naming the file and line of any problem */
  public static List<PromptSegment> read(Path file) throws IOException {
    TextTable table = TextTable.read(file);
    if (table.lineCount() == 0 || !String.join(",", table.cells(0)).equals(HEADER)) {
      throw new BadInputException(file, "the header row must be " + HEADER);
    }
    List<PromptSegment> out = new ArrayList<>();
    for (int line = 1; line < table.lineCount(); line++) {
      if (table.isBlank(line)) {
        continue;
      }
      String[] c = table.cells(line);
      if (c.length != 8) {
        throw table.problem(line, c.length + " columns, the header row has 8");
      }
      if (c[0].isEmpty()) {
        throw table.problem(line, "the prompt is empty");
      }
      PromptSegment.Kind kind = choice(table, line, c[1], "kind", PromptSegment.Kind.class);
      double start = table.number(line, c[2], "start_s");
      double apexStart = table.number(line, c[3], "apex_start_s");
      double apexEnd = table.number(line, c[4], "apex_end_s");
      double end = table.number(line, c[5], "end_s");
      if (!(start <= apexStart && apexStart <= apexEnd && apexEnd <= end)) {
        throw table.problem(line, "times must satisfy start_s <= apex_start_s <= apex_end_s <= end_s");
      }
      if (!out.isEmpty() && start < out.get(out.size() - 1).startS()) {
        throw table.problem(line, "segments must be in order of start_s");
      }
      out.add(new PromptSegment(c[0], kind, start, apexStart, apexEnd, end,
          choice(table, line, c[6], "eyes", PromptSegment.Eyes.class),
          choice(table, line, c[7], "lips", PromptSegment.Lips.class)));
    }
    if (out.isEmpty()) {
      throw new BadInputException(file, "no segments after the header row");
    }
    return out;
  }

  /** Writes the segments, all or nothing. */
  public static void write(List<PromptSegment> segments, Path file) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (PromptSegment s : segments) {
      sb.append(String.format(Locale.ROOT, "%s,%s,%.4f,%.4f,%.4f,%.4f,%s,%s%n", s.prompt(), s.kind().label(),
          s.startS(), s.apexStartS(), s.apexEndS(), s.endS(), s.eyes().label(), s.lips().label()));
    }
    AtomicFiles.writeString(file, sb.toString());
  }

  private static <E extends Enum<E>> E choice(TextTable table, int line, String cell, String column, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(cell)) {
        return e;
      }
    }
    throw table.problem(line, "column " + column + " holds \"" + cell + "\", not one of "
        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
            .toList()));
  }
}
