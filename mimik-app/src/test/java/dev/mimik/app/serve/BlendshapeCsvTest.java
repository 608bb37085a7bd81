package dev.mimik.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlendshapeCsvTest {

  @TempDir Path dir;

  @Test
  void readsWhatTrackWritesInArkitOrder() throws Exception {
    BlendshapeTrack track = Fixtures.track(40, 30, 7);
    Path file = Files.writeString(dir.resolve("blendshapes.csv"), Fixtures.csv(track));
    BlendshapeTrack read = BlendshapeCsv.read(file);
    assertThat(read.names()).isEqualTo(Blendshapes.ARKIT_52);
    assertThat(read.frameCount()).isEqualTo(40);
    for (int f = 0; f < 40; f++) {
      assertThat(read.timesSeconds()[f]).isCloseTo(track.timesSeconds()[f], org.assertj.core.data.Offset.offset(1e-6));
      for (int k = 0; k < 52; k++) {
        assertThat(read.weights()[f][k]).isCloseTo(track.weights()[f][k], org.assertj.core.data.Offset.offset(1e-6));
      }
    }
  }

  @Test
  void columnsInAnyOrderAndSubsetsAreAccepted() throws Exception {
    Path file = Files.writeString(dir.resolve("b.csv"), "time_s,jawOpen,eyeBlinkLeft\n0,0.5,0.25\n0.1,0.75,1\n");
    BlendshapeTrack read = BlendshapeCsv.read(file);
    assertThat(read.weights()[1][Blendshapes.indexOf("jawOpen")]).isEqualTo(0.75);
    assertThat(read.weights()[1][Blendshapes.indexOf("eyeBlinkLeft")]).isEqualTo(1.0);
    assertThat(read.weights()[1][Blendshapes.indexOf("tongueOut")]).isZero();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "t,jawOpen\\n0,1\\n | the first column is 't', expected time_s",
      "time_s,jawOpn\\n0,1\\n | column 2 'jawOpn' is not an ARKit blendshape name",
      "time_s,jawOpen,jawOpen\\n0,1,1\\n | blendshape jawOpen appears twice",
      "time_s,jawOpen\\n0,x\\n | line 2: 'x' is not a number",
      "time_s,jawOpen\\n0,NaN\\n | line 2: value 'NaN' is not finite",
      "time_s,jawOpen\\n0,1\\n0,1\\n | line 3: time_s 0.0 does not increase",
      "time_s,jawOpen\\n0,1,2\\n | line 2 has 3 columns, the header 2",
      "time_s,jawOpen\\n | no frames after the header",
      "'' | empty file",
  })
  void malformedFilesAreRejectedWithFileAndProblem(String content, String problem) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.csv"), content.replace("\\n", "\n"));
    assertThatThrownBy(() -> BlendshapeCsv.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("bad.csv")
        .hasMessageContaining(problem);
  }
}
