package dev.mimik.core.io.csv;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
  public static final class Rows implements java.io.Closeable {
    private final Path file;
    private final AtomicFiles.Output out;
    private final Writer w;
    private final StringBuilder row = new StringBuilder();
    private int frames;

    /** Opens {@code file} for {@code points} points per frame and writes the header. */
    public Rows(Path file, int points) throws IOException {
      this.file = file;
      this.out = AtomicFiles.open(file);
      this.w = new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8);
      row.append("time_s");
      for (int i = 0; i < points; i++) {
        row.append(",x").append(i).append(",y").append(i);
      }
      w.append(row).append('\n');
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
      w.append(row).append('\n');
      frames++;
    }

    /** Every frame is written: the file appears. */
    public void commit() throws IOException {
      w.flush();
      out.commit();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
