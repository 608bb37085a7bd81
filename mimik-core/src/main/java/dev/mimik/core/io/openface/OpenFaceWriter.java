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
 * success, x_0..x_67, y_0..y_67}), so that tools built for OpenFace output can read mimik's. A 70-point track (with
 * the pupils, iBUG 68 and 69) also gets OpenFace's 56 eye landmarks before the face's ({@code eye_lmk_x_0..55},
 * {@code eye_lmk_y_0..55}): iris and pupil rings about each pupil, of a typical size for the eye, and the lids
 * ({@link OpenFaceEyes}).
 *
 * <p>Missing frames get {@code success} 0, {@code confidence} 0 and zero coordinates, as OpenFace writes them; a
 * single untracked point of a valid frame is left empty. Times are written in full precision.
 */
public final class OpenFaceWriter implements LandmarkWriter {

  @Override
  public String formatName() {
    return "OpenFace 2.0 CSV";
  }

  /** @throws BadInputException if the track has neither 68 nor 70 points */
  @Override
  public void write(LandmarkTrack track, Path file) throws IOException {
    boolean eyes = track.pointCount() == OpenFaceReader.POINTS + 2;
    if (track.pointCount() != OpenFaceReader.POINTS && !eyes) {
      throw new BadInputException(file, "OpenFace CSV holds 68 points (70 with the pupils), the track has "
          + track.pointCount());
    }
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      StringBuilder row = new StringBuilder("frame, face_id, timestamp, confidence, success");
      for (String axis : eyes ? new String[] {"eye_lmk_x_", "eye_lmk_y_"} : new String[0]) {
        for (int i = 0; i < OpenFaceEyes.POINTS; i++) {
          row.append(", ").append(axis).append(i);
        }
      }
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
        if (eyes) {
          double[][] ring = OpenFaceEyes.landmarks(track.frames()[f]);
          for (double[] axis : ring) {
            for (double v : axis) {
              row.append(", ");
              if (missing) {
                row.append('0');
              } else if (!Double.isNaN(v)) {
                row.append(v);
              }
            }
          }
        }
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
