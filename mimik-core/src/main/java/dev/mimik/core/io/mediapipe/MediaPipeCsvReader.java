package dev.mimik.core.io.mediapipe;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Pupils;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkReader;
import dev.mimik.core.io.TextTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads MediaPipe face landmarks: a CSV with the header {@code time_s,x0,y0,...,x477,y477} (or with a depth after each
 * point, {@code time_s,x0,y0,z0,...,x477,y477,z477}, depth ignored), one row per frame, the 478 refined landmarks in
 * MediaPipe's numbering in pixels ({@link MediaPipeLandmarks}). The track read holds 70 iBUG points: the 68 at their
 * mesh points, the pupils (iBUG 68 and 69) at the iris centres 468 and 473, each given to the eye it lies in ({@link Pupils}: which of
 * MediaPipe's irises is "left" differs between its users).
 *
 * <p>As in mimik's generic CSV, an empty pair of cells is a point not tracked and a row of empty cells a missing
 * frame.
 */
public final class MediaPipeCsvReader implements LandmarkReader {

  @Override
  public String formatName() {
    return "MediaPipe face landmarks CSV";
  }

  /** A CSV of {@code time_s,x0,y0,z0,...}, or of {@code time_s,x0,y0,...} whose header names 478 points. */
  @Override
  public boolean recognises(Path file, byte[] head) {
    String start = TextTable.firstLine(head).replace(" ", "");
    if (start.startsWith("time_s,x0,y0,z0,")) {
      return true;
    }
    if (!start.startsWith("time_s,x0,y0")) {
      return false;
    }
    // the head may end inside the header row, which is longer than it
    try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file)) {
      String header = in.readLine();
      return header != null && header.split(",", -1).length == 1 + 2 * MediaPipeLandmarks.POINTS;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public LandmarkTrack read(Path file) throws IOException {
    TextTable table = TextTable.read(file);
    String[] header = table.cells(0);
    int n = MediaPipeLandmarks.POINTS;
    int stride = header.length == 1 + 3 * n ? 3 : 2;
    if (!header[0].equals("time_s") || header.length != 1 + stride * n) {
      throw table.problem(0, "the header row must be time_s,x0,y0,...,x477,y477 (478 MediaPipe points, or with z"
          + " after each)");
    }
    String[] axes = stride == 3 ? new String[] {"x", "y", "z"} : new String[] {"x", "y"};
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < stride; a++) {
        if (!header[1 + stride * i + a].equals(axes[a] + i)) {
          throw table.problem(0, "column " + (2 + stride * i + a) + " must be " + axes[a] + i);
        }
      }
    }
    int[] ibug = MediaPipeLandmarks.ibug68();
    TextTable.TimedRows<double[]> rows = table.timedRows(header.length, (line, cells) -> {
      double[] mesh = new double[2 * n];
      for (int i = 0; i < n; i++) {
        mesh[2 * i] = table.numberOrNaN(line, cells[1 + stride * i], header[1 + stride * i]);
        mesh[2 * i + 1] = table.numberOrNaN(line, cells[2 + stride * i], header[2 + stride * i]);
        if (Double.isNaN(mesh[2 * i]) != Double.isNaN(mesh[2 * i + 1])) {
          throw table.problem(line, "point " + i + " has only one of x" + i + " and y" + i);
        }
      }
      double[] frame = new double[140];
      for (int j = 0; j < 68; j++) {
        frame[2 * j] = mesh[2 * ibug[j]];
        frame[2 * j + 1] = mesh[2 * ibug[j] + 1];
      }
      Pupils.place(frame, new double[] {mesh[2 * MediaPipeLandmarks.IRIS_A], mesh[2 * MediaPipeLandmarks.IRIS_A + 1]},
          new double[] {mesh[2 * MediaPipeLandmarks.IRIS_B], mesh[2 * MediaPipeLandmarks.IRIS_B + 1]});
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
    return new LandmarkTrack(rows.times(), 70, frames.toArray(double[][]::new), missing);
  }
}
