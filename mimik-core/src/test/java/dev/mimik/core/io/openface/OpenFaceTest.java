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
  void pupilsTravelAsTheIrisRingsOfTheEyeLandmarks() throws Exception {
    LandmarkTrack track = LandmarkFixtures.track(4, 10, 70);
    for (double[] frame : track.frames()) {
      // each pupil near the centre of its eye's six points
      for (int eye = 0; eye < 2; eye++) {
        for (int axis = 0; axis < 2; axis++) {
          double c = 0;
          for (int i = 36 + 6 * eye; i < 42 + 6 * eye; i++) {
            c += frame[2 * i + axis] / 6;
          }
          frame[2 * (68 + eye) + axis] = Double.isNaN(frame[2 * (68 + eye) + axis]) ? Double.NaN : c + axis + 1;
        }
      }
    }
    Path file = dir.resolve("eyes.csv");
    new OpenFaceWriter().write(track, file);

    String header = Files.readAllLines(file).get(0);
    assertThat(header).contains("eye_lmk_x_0, ", "eye_lmk_x_55, eye_lmk_y_0", "eye_lmk_y_55, x_0");
    LandmarkTrack back = LandmarkFormats.standard().read(file);
    assertThat(back.pointCount()).isEqualTo(70);
    assertThat(back.missing()).containsExactly(track.missing());
    for (int f = 0; f < track.frameCount(); f++) {
      if (!track.missing()[f]) {
        for (int i = 0; i < 140; i++) {
          assertThat(back.frames()[f][i]).as("frame %d coordinate %d", f, i)
              .isCloseTo(track.frames()[f][i], org.assertj.core.data.Offset.offset(1e-9));
        }
      }
    }
  }

  @Test
  void eachIrisRingGoesToTheNearerEye() throws Exception {
    List<String> names = new ArrayList<>(List.of("frame", "timestamp", "success"));
    for (String axis : List.of("eye_lmk_x_", "eye_lmk_y_", "x_", "y_")) {
      for (int i = 0; i < (axis.startsWith("eye") ? 56 : 68); i++) {
        names.add(axis + i);
      }
    }
    // the face: eye 36-41 about (100, 200), eye 42-47 about (300, 200); the first eye block rings (300, 200)
    double[] x = new double[68];
    double[] y = new double[68];
    for (int i = 0; i < 6; i++) {
      double a = 2 * Math.PI * i / 6;
      x[36 + i] = 100 + 20 * Math.cos(a);
      y[36 + i] = 200 + 8 * Math.sin(a);
      x[42 + i] = 300 + 20 * Math.cos(a);
      y[42 + i] = 200 + 8 * Math.sin(a);
    }
    double[] ex = new double[56];
    double[] ey = new double[56];
    for (int i = 0; i < 28; i++) {
      double a = 2 * Math.PI * (i % 8) / 8;
      ex[i] = 303 + 6 * Math.cos(a);
      ey[i] = 201 + 6 * Math.sin(a);
      ex[28 + i] = 98 + 6 * Math.cos(a);
      ey[28 + i] = 199 + 6 * Math.sin(a);
    }
    List<String> row = new ArrayList<>(List.of("1", "0.0", "1"));
    for (double[] column : List.of(ex, ey, x, y)) {
      for (double v : column) {
        row.add(String.valueOf(v));
      }
    }
    Path file = dir.resolve("swapped.csv");
    Files.writeString(file, String.join(", ", names) + "\n" + String.join(", ", row) + "\n");

    LandmarkTrack t = new OpenFaceReader().read(file);
    assertThat(t.pointCount()).isEqualTo(70);
    assertThat(t.x(0, 68)).isCloseTo(98, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(t.y(0, 68)).isCloseTo(199, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(t.x(0, 69)).isCloseTo(303, org.assertj.core.data.Offset.offset(1e-9));
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
