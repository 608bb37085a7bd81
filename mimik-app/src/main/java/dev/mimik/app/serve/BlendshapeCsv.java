package dev.mimik.app.serve;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code blendshapes.csv} that {@code mimik track} writes (header {@code time_s} then ARKit names).
 * Columns may come in any order and may be a subset of the 52; absent shapes read as 0. The result is always in
 * {@link Blendshapes#ARKIT_52} order.
 */
public final class BlendshapeCsv {

  private BlendshapeCsv() {}

  /** Reads the whole file; one {@link BadInputException} naming the file, line and problem if it is malformed. */
  public static BlendshapeTrack read(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new BadInputException(file, "empty file, expected a header starting with time_s");
      }
      String[] names = header.replace("\uFEFF", "").split(",", -1);
      if (!names[0].strip().equals("time_s")) {
        throw new BadInputException(file, "the first column is '" + names[0].strip() + "', expected time_s");
      }
      int[] target = new int[names.length];
      boolean[] seen = new boolean[Blendshapes.ARKIT_52.size()];
      for (int c = 1; c < names.length; c++) {
        String name = names[c].strip();
        int k = Blendshapes.indexOf(name);
        if (k < 0) {
          throw new BadInputException(file, "column " + (c + 1) + " '" + name + "' is not an ARKit blendshape name");
        }
        if (seen[k]) {
          throw new BadInputException(file, "blendshape " + name + " appears twice in the header");
        }
        seen[k] = true;
        target[c] = k;
      }
      List<double[]> rows = new ArrayList<>();
      List<Double> times = new ArrayList<>();
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != names.length) {
          throw new BadInputException(file, "line " + lineNo + " has " + cells.length + " columns, the header "
              + names.length);
        }
        double t = number(file, lineNo, cells[0]);
        if (!times.isEmpty() && t <= times.get(times.size() - 1)) {
          throw new BadInputException(file, "line " + lineNo + ": time_s " + t + " does not increase");
        }
        double[] row = new double[Blendshapes.ARKIT_52.size()];
        for (int c = 1; c < cells.length; c++) {
          row[target[c]] = number(file, lineNo, cells[c]);
        }
        times.add(t);
        rows.add(row);
      }
      if (rows.isEmpty()) {
        throw new BadInputException(file, "no frames after the header");
      }
      return new BlendshapeTrack(times.stream().mapToDouble(Double::doubleValue).toArray(), Blendshapes.ARKIT_52,
          rows.toArray(new double[0][]));
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, "no such file", e);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  private static double number(Path file, int lineNo, String cell) {
    try {
      double v = Double.parseDouble(cell.strip());
      if (!Double.isFinite(v)) {
        throw new BadInputException(file, "line " + lineNo + ": value '" + cell.strip() + "' is not finite");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadInputException(file, "line " + lineNo + ": '" + cell.strip() + "' is not a number");
    }
  }
}
