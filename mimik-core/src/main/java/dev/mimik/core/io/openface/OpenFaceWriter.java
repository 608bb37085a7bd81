package dev.mimik.core.io.openface;

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
 * Writes 68-point landmark tracks in the OpenFace 2.0 CSV layout ({@code frame, face_id, timestamp, confidence,
 * success, x_0..x_67, y_0..y_67}), so that tools built for OpenFace output can read mimik's.
 *
 * <p>Missing frames get {@code success} 0, {@code confidence} 0 and zero coordinates, as OpenFace writes them; a
 * single untracked point of a valid frame is left empty. Times are written in full precision.
 */
public final class OpenFaceWriter implements LandmarkWriter {

  @Override
  public String formatName() {
    return "OpenFace 2.0 CSV";
  }

  /** @throws BadInputException if the track does not have 68 points */
  @Override
  public void write(LandmarkTrack track, Path file) throws IOException {
    if (track.pointCount() != OpenFaceReader.POINTS) {
      throw new BadInputException(file, "OpenFace CSV holds 68 points, the track has " + track.pointCount());
    }
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      StringBuilder row = new StringBuilder("frame, face_id, timestamp, confidence, success");
      for (String axis : new String[] {"x_", "y_"}) {
        for (int i = 0; i < OpenFaceReader.POINTS; i++) {
          row.append(", ").append(axis).append(i);
        }
      }
      w.append(row).append('\n');
      for (int f = 0; f < track.frameCount(); f++) {
        boolean missing = track.missing()[f];
        row.setLength(0);
        row.append(f + 1).append(", 0, ").append(track.timesSeconds()[f])
            .append(missing ? ", 0, 0" : ", 1, 1");
        for (int axis = 0; axis < 2; axis++) {
          for (int i = 0; i < OpenFaceReader.POINTS; i++) {
            double v = track.frames()[f][2 * i + axis];
            row.append(", ");
            if (missing) {
              row.append('0');
            } else if (!Double.isNaN(v)) {
              row.append(v);
            }
          }
        }
        w.append(row).append('\n');
      }
      w.flush();
    });
  }
}
