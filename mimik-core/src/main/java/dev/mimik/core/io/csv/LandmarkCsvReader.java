package dev.mimik.core.io.csv;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkReader;
import dev.mimik.core.io.TextTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads mimik's generic landmark CSV: header {@code time_s,x0,y0,x1,y1,...} (68 points in iBUG order, 0-based, or
 * any other count of points numbered from 0), one row per frame, pixels.
 *
 * <p>An empty pair of cells is a point not tracked (NaN); a row whose cells are all empty is a missing frame.
 */
public final class LandmarkCsvReader implements LandmarkReader {

  @Override
  public String formatName() {
    return "landmark CSV";
  }

  @Override
  public boolean recognises(Path file, byte[] head) {
    return TextTable.firstLine(head).replace(" ", "").startsWith("time_s,x0,y0");
  }

  @Override
  public LandmarkTrack read(Path file) throws IOException {
    TextTable table = TextTable.read(file);
    String[] header = table.cells(0);
    if (header.length < 3 || header.length % 2 == 0 || !header[0].equals("time_s")) {
      throw table.problem(0, "the header row must be time_s,x0,y0,x1,y1,...");
    }
    int points = (header.length - 1) / 2;
    for (int i = 0; i < points; i++) {
      if (!header[1 + 2 * i].equals("x" + i) || !header[2 + 2 * i].equals("y" + i)) {
        throw table.problem(0, "columns " + (2 + 2 * i) + " and " + (3 + 2 * i) + " must be x" + i + ",y" + i);
      }
    }
    TextTable.TimedRows<double[]> rows = table.timedRows(header.length, (line, cells) -> {
      double[] frame = new double[2 * points];
      for (int k = 0; k < frame.length; k++) {
        frame[k] = table.numberOrNaN(line, cells[k + 1], header[k + 1]);
      }
      for (int i = 0; i < points; i++) {
        if (Double.isNaN(frame[2 * i]) != Double.isNaN(frame[2 * i + 1])) {
          throw table.problem(line, "point " + i + " has only one of x" + i + " and y" + i);
        }
      }
      return frame;
    });
    List<double[]> frames = rows.rows();
    if (frames.isEmpty()) {
      throw new BadInputException(file, "no frames after the header row");
    }
    boolean[] missing = new boolean[frames.size()];
    for (int f = 0; f < missing.length; f++) {
      missing[f] = java.util.Arrays.stream(frames.get(f)).allMatch(Double::isNaN);
    }
    return new LandmarkTrack(rows.times(), points, frames.toArray(double[][]::new), missing);
  }
}
