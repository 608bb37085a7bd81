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
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      StringBuilder row = new StringBuilder("time_s");
      for (int i = 0; i < track.pointCount(); i++) {
        row.append(",x").append(i).append(",y").append(i);
      }
      w.append(row).append('\n');
      for (int f = 0; f < track.frameCount(); f++) {
        row.setLength(0);
        row.append(track.timesSeconds()[f]);
        for (double v : track.frames()[f]) {
          row.append(',');
          if (Double.isInfinite(v)) {
            throw new BadInputException(file, "frame " + f + " has an infinite coordinate");
          }
          if (!track.missing()[f] && !Double.isNaN(v)) {
            row.append(v);
          }
        }
        w.append(row).append('\n');
      }
      w.flush();
    });
  }
}
