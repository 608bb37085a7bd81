package dev.mimik.core.io.csv;

import dev.mimik.core.data.ArtPriors;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.TextTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes an art-prior table ({@code art_priors.csv}): header {@code prompt,blendshape,activation}, one
 * key blendshape of one prompt per line. {@link #builtIn()} is mimik's own table, written by hand for the
 * simulator's prompts (resource {@code art-priors.csv} next to this class, with its reasoning in comments).
 */
public final class ArtPriorsCsv {

  /** The header row. */
  public static final String HEADER = "prompt,blendshape,activation";

  private ArtPriorsCsv() {}

  /** mimik's hand-written table. */
  public static ArtPriors builtIn() {
    try (InputStream in = ArtPriorsCsv.class.getResourceAsStream("art-priors.csv")) {
      if (in == null) {
        throw new IllegalStateException("missing resource art-priors.csv");
      }
      return parse(TextTable.parse(Path.of("art-priors.csv"), in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a table; lines starting with {@code #} are comments. @throws BadInputException on any problem */
  public static ArtPriors read(Path file) throws IOException {
    return parse(TextTable.read(file));
  }

  private static ArtPriors parse(TextTable table) {
    Path file = table.file();
    int header = 0;
    while (header < table.lineCount() && (table.isBlank(header) || table.line(header).startsWith("#"))) {
      header++;
    }
    if (header == table.lineCount() || !String.join(",", table.cells(header)).equals(HEADER)) {
      throw new BadInputException(file, "the header row must be " + HEADER);
    }
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (int line = header + 1; line < table.lineCount(); line++) {
      if (table.isBlank(line) || table.line(line).startsWith("#")) {
        continue;
      }
      String[] c = table.cells(line);
      if (c.length != 3) {
        throw table.problem(line, c.length + " columns, the header row has 3");
      }
      if (c[0].isEmpty()) {
        throw table.problem(line, "the prompt is empty");
      }
      if (Blendshapes.indexOf(c[1]) < 0) {
        throw table.problem(line, "\"" + c[1] + "\" is not an ARKit blendshape name");
      }
      double a = table.number(line, c[2], "activation");
      if (!(a > 0 && a <= 1)) {
        throw table.problem(line, "activation " + c[2] + " is not in (0, 1]");
      }
      if (out.computeIfAbsent(c[0], k -> new LinkedHashMap<>()).put(c[1], a) != null) {
        throw table.problem(line, c[0] + " lists " + c[1] + " twice");
      }
    }
    if (out.isEmpty()) {
      throw new BadInputException(file, "no priors after the header row");
    }
    return new ArtPriors(out);
  }

  /** Writes a table, all or nothing. */
  public static void write(ArtPriors priors, Path file) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    priors.byPrompt().forEach((prompt, keys) -> keys.forEach((name, a) ->
        sb.append(String.format(Locale.ROOT, "%s,%s,%.3f%n", prompt, name, a))));
    AtomicFiles.writeString(file, sb.toString());
  }
}
