package dev.mimik.core.io.csv;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.TextTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Reads and writes {@code blendshapes.csv}: header {@code time_s} then blendshape names (the 52 ARKit names in
 * Apple's order when mimik writes it), one row per frame, weights in [0, 1].
 *
 * <p>The reader accepts any set of distinct names, so that rigs with other shapes can be read too.
 */
public final class BlendshapeCsv {

  private BlendshapeCsv() {}

  /** Whether a file's first bytes look like a blendshape CSV: {@code time_s} then ARKit blendshape names. */
  public static boolean recognises(Path file, byte[] head) {
    String[] header = TextTable.splitCells(TextTable.firstLine(head));
    return header.length > 1 && header[0].equals("time_s")
        && Arrays.stream(header, 1, header.length).allMatch(Blendshapes.ARKIT_52::contains);
  }

  /** @throws BadInputException if the file is not a valid blendshape CSV */
  public static BlendshapeTrack read(Path file) throws IOException {
    TextTable table = TextTable.read(file);
    String[] header = table.cells(0);
    if (header.length < 2 || !header[0].equals("time_s")) {
      throw table.problem(0, "the header row must be time_s followed by blendshape names");
    }
    List<String> names = Arrays.asList(header).subList(1, header.length);
    if (new HashSet<>(names).size() != names.size() || names.contains("")) {
      throw table.problem(0, "blendshape names must be distinct and not empty");
    }
    TextTable.TimedRows<double[]> rows = table.timedRows(header.length, (line, cells) -> {
      double[] w = new double[names.size()];
      for (int k = 0; k < w.length; k++) {
        w[k] = table.number(line, cells[k + 1], names.get(k));
        if (w[k] < 0 || w[k] > 1) {
          throw table.problem(line, names.get(k) + " is " + cells[k + 1] + ", outside [0, 1]");
        }
      }
      return w;
    });
    if (rows.rows().isEmpty()) {
      throw new BadInputException(file, "no frames after the header row");
    }
    return new BlendshapeTrack(rows.times(), names, rows.rows().toArray(double[][]::new));
  }

  /** Writes the track, all or nothing. @throws BadInputException if a weight is outside [0, 1] */
  public static void write(BlendshapeTrack track, Path file) throws IOException {
    try (Rows rows = new Rows(file, track.names())) {
      for (int f = 0; f < track.frameCount(); f++) {
        rows.row(track.timesSeconds()[f], track.weights()[f]);
      }
      rows.commit();
    }
  }

  /**
   * A blendshape CSV written one frame at a time as frames are tracked, all or nothing: {@link #row} for each frame,
   * then {@link #commit()}; closing without a commit leaves no file.
   */
  public static final class Rows extends CsvRows {
    private final List<String> names;

    /** Opens {@code file} for the shapes {@code names} and writes the header. */
    public Rows(Path file, List<String> names) throws IOException {
      super(file, "time_s," + String.join(",", names));
      this.names = List.copyOf(names);
    }

    /** One frame's weights in the names' order. @throws BadInputException if a weight is outside [0, 1] */
    public void row(double timeSeconds, double[] weights) throws IOException {
      row.setLength(0);
      row.append(timeSeconds);
      for (int k = 0; k < names.size(); k++) {
        double v = weights[k];
        if (!(v >= 0 && v <= 1)) {
          throw new BadInputException(file, "frame " + frames + ": " + names.get(k) + " is " + v
              + ", outside [0, 1]");
        }
        row.append(',').append(v);
      }
      endRow();
    }
  }
}
