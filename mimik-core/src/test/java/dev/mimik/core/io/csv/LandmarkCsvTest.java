package dev.mimik.core.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkFixtures;
import dev.mimik.core.io.LandmarkFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandmarkCsvTest {

  @TempDir Path dir;

  @Test
  void writtenTrackReadsBackExactly() throws Exception {
    LandmarkTrack track = LandmarkFixtures.track(11, 25, 68);
    Path file = dir.resolve("landmarks.csv");
    new LandmarkCsvWriter().write(track, file);

    String header = Files.readAllLines(file).get(0);
    assertThat(header).startsWith("time_s,x0,y0,x1,y1").endsWith(",x67,y67");
    LandmarkTrack back = LandmarkFormats.standard().read(file);
    assertThat(back.pointCount()).isEqualTo(68);
    assertThat(back.timesSeconds()).containsExactly(track.timesSeconds());
    assertThat(back.missing()).containsExactly(track.missing());
    for (int f = 0; f < track.frameCount(); f++) {
      assertThat(back.frames()[f]).containsExactly(track.frames()[f]);
    }
  }

  @Test
  void halfAPointIsRejectedWithItsLine() throws Exception {
    Path file = dir.resolve("half.csv");
    Files.writeString(file, "time_s,x0,y0,x1,y1\n0,1,2,3,4\n0.1,1,2,,4\n");
    assertThatThrownBy(() -> new LandmarkCsvReader().read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("point 1");
  }

  @Test
  void misnamedColumnIsRejected() throws Exception {
    Path file = dir.resolve("names.csv");
    Files.writeString(file, "time_s,x0,y0,y1,x1\n0,1,2,3,4\n");
    assertThatThrownBy(() -> new LandmarkCsvReader().read(file))
        .isInstanceOf(BadInputException.class).hasMessageContaining("x1,y1");
  }
}
