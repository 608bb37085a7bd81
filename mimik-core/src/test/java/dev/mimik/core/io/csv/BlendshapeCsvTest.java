package dev.mimik.core.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlendshapeCsvTest {

  @TempDir Path dir;

  @Test
  void writtenTrackReadsBackExactlyWithArkitHeader() throws Exception {
    Random rnd = new Random(5);
    int frames = 40;
    double[] times = new double[frames];
    double[][] w = new double[frames][52];
    for (int f = 0; f < frames; f++) {
      times[f] = f / 30.0;
      for (int k = 0; k < 52; k++) {
        w[f][k] = rnd.nextDouble();
      }
    }
    w[0][0] = 0;
    w[0][1] = 1;
    BlendshapeTrack track = new BlendshapeTrack(times, Blendshapes.ARKIT_52, w);
    Path file = dir.resolve("blendshapes.csv");
    BlendshapeCsv.write(track, file);

    assertThat(Files.readAllLines(file).get(0))
        .isEqualTo("time_s," + String.join(",", Blendshapes.ARKIT_52));
    byte[] head = Files.readAllBytes(file);
    assertThat(BlendshapeCsv.recognises(file, head)).isTrue();
    assertThat(SignalFormats.standard().readerFor(file)).isEmpty();
    BlendshapeTrack back = BlendshapeCsv.read(file);
    assertThat(back.names()).isEqualTo(Blendshapes.ARKIT_52);
    assertThat(back.timesSeconds()).containsExactly(times);
    for (int f = 0; f < frames; f++) {
      assertThat(back.weights()[f]).containsExactly(w[f]);
    }
  }

  @Test
  void weightOutsideUnitIntervalIsRejectedWithItsLine() throws Exception {
    Path file = dir.resolve("b.csv");
    Files.writeString(file, "time_s,jawOpen,eyeBlinkLeft\n0,0.5,0.2\n0.1,1.5,0\n");
    assertThatThrownBy(() -> BlendshapeCsv.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("jawOpen");
  }

  @Test
  void writerLeavesNoFileForAWeightOutsideUnitInterval() {
    Path file = dir.resolve("w.csv");
    BlendshapeTrack bad = new BlendshapeTrack(new double[] {0}, java.util.List.of("jawOpen"), new double[][] {{2}});
    assertThatThrownBy(() -> BlendshapeCsv.write(bad, file)).isInstanceOf(BadInputException.class);
    assertThat(file).doesNotExist();
  }
}
