package dev.mimik.core.io.csv;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the generic landmark CSV that {@link LandmarkCsvReader} reads ({@code time_s,x0,y0,...}); untracked points
 * (NaN) and missing frames are left empty. Values are written in full precision.
 */
public final class LandmarkCsvWriter implements LandmarkWriter {

  @Override
  public String formatName() {
    return "landmark CSV";
  }

  /** @throws BadInputException if a coordinate is infinite */
  @Override
  public void write(LandmarkTrack track, Path file) throws IOException {
    try (Rows rows = new Rows(file, track.pointCount())) {
      for (int f = 0; f < track.frameCount(); f++) {
        rows.row(track.timesSeconds()[f], track.frames()[f], track.missing()[f]);
      }
      rows.commit();
    }
  }

  /**
   * A landmark CSV written one frame at a time as frames are tracked, all or nothing: {@link #row} for each frame,
   * then {@link #commit()}; closing without a commit leaves no file.
   */
  public static final class Rows extends CsvRows {

    /** Opens {@code file} for {@code points} points per frame and writes the header. */
    public Rows(Path file, int points) throws IOException {
      super(file, header(points));
    }

    private static String header(int points) {
      StringBuilder header = new StringBuilder("time_s");
      for (int i = 0; i < points; i++) {
        header.append(",x").append(i).append(",y").append(i);
      }
      return header.toString();
    }

    /**
     * One frame: {@code xy} as x0, y0, x1, ...; NaN coordinates and a missing frame's are left empty.
     *
     * @throws BadInputException if a coordinate is infinite
     */
    public void row(double timeSeconds, double[] xy, boolean missing) throws IOException {
      row.setLength(0);
      row.append(timeSeconds);
      for (double v : xy) {
        row.append(',');
        if (Double.isInfinite(v)) {
          throw new BadInputException(file, "frame " + frames + " has an infinite coordinate");
        }
        if (!missing && !Double.isNaN(v)) {
          row.append(v);
        }
      }
      endRow();
    }
  }
}
