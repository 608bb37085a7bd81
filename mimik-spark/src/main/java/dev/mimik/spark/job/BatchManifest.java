package dev.mimik.spark.job;

import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.TextTable;
import dev.mimik.spark.fs.HadoopStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recordings a batch runs on: a CSV manifest with a header, one recording per line, paths relative to the
 * manifest's folder (or absolute, or URIs such as {@code hdfs://...}). The columns a command reads are its inputs
 * ({@code signals}, {@code truth}, {@code pred}, ...); {@code participant} groups recordings in the summary (default:
 * each recording its own); {@code id} names the recording's output folder (default: the folder of its first input
 * relative to the manifest's when every recording has a folder of its own, as {@code mimik simulate} lays them out,
 * else that input's path without its extension). Other columns are ignored, so {@code mimik simulate}'s manifest
 * serves as it is.
 */
public final class BatchManifest {

  private BatchManifest() {}

  /**
   * Reads the manifest at {@code location}.
   *
   * @param required the input columns the command needs, the first one naming the recording
   * @param optional the input columns it reads when present
   */
  public static List<Recording> read(HadoopStore store, String location, List<String> required,
      List<String> optional) throws IOException {
    return read(store, location, required, optional, List.of());
  }

  /**
   * Reads the manifest at {@code location}, with {@code values}: columns kept as they are written (not paths), among
   * the recording's inputs when present.
   */
  public static List<Recording> read(HadoopStore store, String location, List<String> required,
      List<String> optional, List<String> values) throws IOException {
    Path named = Path.of(location);
    if (!store.exists(location)) {
      throw new BadInputException(named, "no such manifest");
    }
    String[] lines = store.readText(location).split("\r?\n");
    List<String> header = Arrays.asList(TextTable.splitCells(lines[0]));
    for (String column : required) {
      if (!header.contains(column)) {
        throw new BadInputException(named, "line 1: the header needs the column '" + column + "', not " + header);
      }
    }
    String dir = HadoopStore.path(location).getParent().toString();
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> participants = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] cells = TextTable.splitCells(lines[i]);
      if (cells.length < header.size()) {
        throw new BadInputException(named, "line " + (i + 1) + ": " + cells.length + " cells, the header has "
            + header.size());
      }
      Map<String, String> inputs = new LinkedHashMap<>();
      for (String column : concat(concat(required, optional), values)) {
        int c = header.indexOf(column);
        if (c >= 0 && !cells[c].isEmpty()) {
          inputs.put(column, cells[c]);
        } else if (required.contains(column)) {
          throw new BadInputException(named, "line " + (i + 1) + ": no " + column);
        }
      }
      rows.add(inputs);
      participants.add(cell(header, cells, "participant"));
      ids.add(cell(header, cells, "id"));
    }
    if (rows.isEmpty()) {
      throw new BadInputException(named, "lists no recording");
    }
    List<String> defaults = defaultIds(rows.stream().map(r -> r.get(required.get(0))).toList());
    List<Recording> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      String id = ids.get(i) != null ? ids.get(i) : defaults.get(i);
      if (id.isEmpty() || id.startsWith("_") || id.contains("..") || !seen.add(id)) {
        throw new BadInputException(named, "recording id '" + id + "' is empty, starts with _, climbs out of the"
            + " output folder or is listed twice (give an id column)");
      }
      Map<String, String> inputs = new LinkedHashMap<>();
      rows.get(i).forEach((k, v) -> inputs.put(k, values.contains(k) ? v : HadoopStore.resolve(dir, v)));
      out.add(new Recording(id, participants.get(i) != null ? participants.get(i) : id, inputs));
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String cell(List<String> header, String[] cells, String column) {
    int c = header.indexOf(column);
    return c >= 0 && !cells[c].isEmpty() ? cells[c] : null;
  }

  /** Each input's folder when all differ and none is the manifest's own, else each path without its extension. */
  static List<String> defaultIds(List<String> firstInputs) {
    List<String> folders = firstInputs.stream().map(p -> {
      int slash = p.lastIndexOf('/');
      return slash < 0 ? "" : p.substring(0, slash);
    }).toList();
    if (folders.stream().noneMatch(String::isEmpty) && new HashSet<>(folders).size() == folders.size()) {
      return folders.stream().map(BatchManifest::relative).toList();
    }
    return firstInputs.stream().map(p -> {
      int dot = p.lastIndexOf('.');
      return relative(dot > p.lastIndexOf('/') ? p.substring(0, dot) : p);
    }).toList();
  }

  private static String relative(String path) {
    String p = path;
    int scheme = p.indexOf("://");
    if (scheme >= 0) {
      p = p.substring(p.indexOf('/', scheme + 3) + 1);
    }
    while (p.startsWith("/") || p.startsWith("./")) {
      p = p.substring(p.startsWith("/") ? 1 : 2);
    }
    return p;
  }
}
