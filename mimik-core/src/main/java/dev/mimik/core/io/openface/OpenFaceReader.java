package dev.mimik.core.io.openface;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkReader;
import dev.mimik.core.io.TextTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the CSV that OpenFace 2.0 {@code FeatureExtraction} writes: a header row naming {@code timestamp},
 * {@code success} and the 68 2D landmarks {@code x_0..x_67}, {@code y_0..y_67} (other columns are ignored), a space
 * after each comma. A file with the 56 eye landmarks ({@code eye_lmk_x_0..55}, {@code eye_lmk_y_0..55}) also gives
 * the two pupils, iBUG 68 and 69, each the centre of an iris ring ({@link OpenFaceEyes}): 70 points (a file with only
 * some of them is read as 68).
 *
 * <p>Rows with {@code success} 0 become missing frames (NaN points), not zeros. Only single-face files are read:
 * timestamps must increase.
 */
public final class OpenFaceReader implements LandmarkReader {

  /** Points in an OpenFace 2D landmark set (iBUG 68). */
  static final int POINTS = 68;

  @Override
  public String formatName() {
    return "OpenFace 2.0 CSV";
  }

  @Override
  public boolean recognises(Path file, byte[] head) {
    List<String> names = Arrays.asList(TextTable.splitCells(TextTable.firstLine(head)));
    return names.contains("timestamp") && names.contains("success") && names.contains("x_0");
  }

  @Override
  public LandmarkTrack read(Path file) throws IOException {
    TextTable table = TextTable.read(file);
    List<String> header = Arrays.asList(table.cells(0));
    int time = column(table, header, "timestamp");
    int success = column(table, header, "success");
    int[] xs = new int[POINTS];
    int[] ys = new int[POINTS];
    for (int i = 0; i < POINTS; i++) {
      xs[i] = column(table, header, "x_" + i);
      ys[i] = column(table, header, "y_" + i);
    }
    boolean eyes = java.util.stream.IntStream.range(0, OpenFaceEyes.POINTS)
        .allMatch(i -> header.contains("eye_lmk_x_" + i) && header.contains("eye_lmk_y_" + i));
    int[] ex = new int[eyes ? OpenFaceEyes.POINTS : 0];
    int[] ey = new int[ex.length];
    for (int i = 0; i < ex.length; i++) {
      ex[i] = column(table, header, "eye_lmk_x_" + i);
      ey[i] = column(table, header, "eye_lmk_y_" + i);
    }
    int points = eyes ? POINTS + 2 : POINTS;
    List<Double> times = new ArrayList<>();
    List<double[]> frames = new ArrayList<>();
    List<Boolean> missing = new ArrayList<>();
    for (int line = 1; line < table.lineCount(); line++) {
      if (table.isBlank(line)) {
        continue;
      }
      String[] cells = table.cells(line);
      if (cells.length != header.size()) {
        throw table.problem(line, cells.length + " columns, the header row has " + header.size());
      }
      double t = table.number(line, cells[time], "timestamp");
      if (!times.isEmpty() && !(t > times.get(times.size() - 1))) {
        throw table.problem(line, "timestamp " + cells[time]
            + " does not increase (only single-face files are supported)");
      }
      double ok = table.number(line, cells[success], "success");
      if (ok != 0 && ok != 1) {
        throw table.problem(line, "success must be 0 or 1, not " + cells[success]);
      }
      double[] frame = new double[2 * points];
      if (ok == 0) {
        Arrays.fill(frame, Double.NaN);
      } else {
        for (int i = 0; i < POINTS; i++) {
          frame[2 * i] = table.numberOrNaN(line, cells[xs[i]], "x_" + i);
          frame[2 * i + 1] = table.numberOrNaN(line, cells[ys[i]], "y_" + i);
        }
        if (eyes) {
          double[] eyeX = new double[ex.length];
          double[] eyeY = new double[ex.length];
          for (int i = 0; i < ex.length; i++) {
            eyeX[i] = table.numberOrNaN(line, cells[ex[i]], "eye_lmk_x_" + i);
            eyeY[i] = table.numberOrNaN(line, cells[ey[i]], "eye_lmk_y_" + i);
          }
          OpenFaceEyes.placePupils(eyeX, eyeY, frame);
        }
      }
      times.add(t);
      frames.add(frame);
      missing.add(ok == 0);
    }
    if (times.isEmpty()) {
      throw new BadInputException(file, "no frames after the header row");
    }
    boolean[] miss = new boolean[missing.size()];
    for (int f = 0; f < miss.length; f++) {
      miss[f] = missing.get(f);
    }
    return new LandmarkTrack(times.stream().mapToDouble(Double::doubleValue).toArray(), points,
        frames.toArray(double[][]::new), miss);
  }

  private static int column(TextTable table, List<String> header, String name) {
    int c = header.indexOf(name);
    if (c < 0) {
      throw table.problem(0, "no column " + name + " in the header row");
    }
    return c;
  }
}
