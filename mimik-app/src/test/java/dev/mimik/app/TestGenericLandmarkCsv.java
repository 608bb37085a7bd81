package dev.mimik.app;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A minimal reader of the generic landmark CSV ({@code time_s,x0,y0,...,x67,y67}; empty cells are untracked points,
 * a row of empty cells a missing frame), for command tests until {@code LandmarkFormats.standard()} has the real one.
 */
final class TestGenericLandmarkCsv implements LandmarkReader {

  @Override
  public String formatName() {
    return "generic landmark CSV (test)";
  }

  @Override
  public boolean recognises(Path file, byte[] head) {
    return new String(head, StandardCharsets.UTF_8).startsWith("time_s,x0,y0");
  }

  @Override
  public LandmarkTrack read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int n = lines.size() - 1;
    double[] times = new double[n];
    double[][] frames = new double[n][136];
    boolean[] missing = new boolean[n];
    for (int f = 0; f < n; f++) {
      String[] cells = lines.get(f + 1).split(",", -1);
      if (cells.length != 137) {
        throw new BadInputException(file, "line " + (f + 2) + " has " + cells.length + " columns, not 137");
      }
      try {
        times[f] = Double.parseDouble(cells[0]);
        boolean any = false;
        for (int i = 0; i < 136; i++) {
          frames[f][i] = cells[i + 1].isBlank() ? Double.NaN : Double.parseDouble(cells[i + 1]);
          any |= !cells[i + 1].isBlank();
        }
        missing[f] = !any;
      } catch (NumberFormatException e) {
        throw new BadInputException(file, "line " + (f + 2) + ": not a number: " + e.getMessage());
      }
    }
    return new LandmarkTrack(times, 68, frames, missing);
  }
}
