package dev.mimik.core.io.openface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkFixtures;
import dev.mimik.core.io.LandmarkFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenFaceTest {

  @TempDir Path dir;

  @Test
  void writtenTrackReadsBackWithMissingFramesAndUntrackedPoints() throws Exception {
    LandmarkTrack track = LandmarkFixtures.track(3, 20, 68);
    Path file = dir.resolve("of.csv");
    new OpenFaceWriter().write(track, file);

    assertThat(Files.readAllLines(file).get(0)).startsWith("frame, face_id, timestamp, confidence, success, x_0, x_1");
    LandmarkTrack back = LandmarkFormats.standard().read(file);
    assertThat(back.timesSeconds()).containsExactly(track.timesSeconds());
    assertThat(back.missing()).containsExactly(track.missing());
    for (int f = 0; f < track.frameCount(); f++) {
      assertThat(back.frames()[f]).containsExactly(track.frames()[f]);
    }
  }

  @Test
  void openFaceColumnsAreFoundAmongTheOthersAndFailedFramesAreMissing() throws Exception {
    List<String> names = new ArrayList<>(List.of("frame", "face_id", "timestamp", "confidence", "success",
        "gaze_0_x", "eye_lmk_x_0", "eye_lmk_y_0"));
    for (String axis : List.of("x_", "y_", "X_")) {
      for (int i = 0; i < 68; i++) {
        names.add(axis + i);
      }
    }
    names.add("AU01_r");
    StringBuilder text = new StringBuilder(String.join(", ", names)).append('\n');
    for (int f = 0; f < 3; f++) {
      List<String> row = new ArrayList<>(List.of(String.valueOf(f + 1), "0", String.format("%.3f", f / 30.0),
          f == 1 ? "0.03" : "0.98", f == 1 ? "0" : "1", "0.1", "-5", "-6"));
      for (String axis : List.of("x", "y", "Z")) {
        for (int i = 0; i < 68; i++) {
          row.add(f == 1 ? "0" : String.valueOf(axis.equals("x") ? 100 + i : axis.equals("y") ? 200 + i : -1));
        }
      }
      row.add("0.5");
      text.append(String.join(", ", row)).append('\n');
    }
    Path file = dir.resolve("openface.csv");
    Files.writeString(file, text);

    LandmarkTrack t = LandmarkFormats.standard().read(file);
    assertThat(t.frameCount()).isEqualTo(3);
    assertThat(t.pointCount()).isEqualTo(68);
    assertThat(t.missing()).containsExactly(false, true, false);
    assertThat(t.x(0, 67)).isEqualTo(167);
    assertThat(t.y(2, 30)).isEqualTo(230);
    assertThat(t.x(1, 0)).isNaN();
    assertThat(t.timesSeconds()[2]).isEqualTo(0.067);
  }

  @Test
  void missingLandmarkColumnIsRejected() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "frame, face_id, timestamp, confidence, success, x_0, y_0\n1, 0, 0, 1, 1, 5, 6\n");
    assertThatThrownBy(() -> new OpenFaceReader().read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("x_1");
  }

  @Test
  void writerRefusesTracksOfOtherThan68Points() {
    Path file = dir.resolve("w.csv");
    assertThatThrownBy(() -> new OpenFaceWriter().write(LandmarkFixtures.track(1, 5, 51), file))
        .isInstanceOf(BadInputException.class);
    assertThat(file).doesNotExist();
  }
}
