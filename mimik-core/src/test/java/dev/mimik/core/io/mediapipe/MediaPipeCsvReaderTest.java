package dev.mimik.core.io.mediapipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaPipeCsvReaderTest {

  @TempDir Path dir;

  /** Mesh points at random; the iris centres in the eyes, the first in the eye of iBUG 42-47 when swapped. */
  private static double[][] mesh(long seed, int frames, boolean swapped) {
    Random rnd = new Random(seed);
    int[] ibug = MediaPipeLandmarks.ibug68();
    double[][] out = new double[frames][2 * MediaPipeLandmarks.POINTS];
    for (double[] f : out) {
      for (int i = 0; i < f.length; i++) {
        f[i] = 100 + 400 * rnd.nextDouble();
      }
      for (int k = 0; k < 6; k++) {
        f[2 * ibug[36 + k]] = 200 + 10 * k;
        f[2 * ibug[36 + k] + 1] = 300 + (k % 2);
        f[2 * ibug[42 + k]] = 400 + 10 * k;
        f[2 * ibug[42 + k] + 1] = 300 + (k % 2);
      }
      f[2 * 468] = swapped ? 427 : 227;
      f[2 * 468 + 1] = 301;
      f[2 * 473] = swapped ? 223 : 423;
      f[2 * 473 + 1] = 299;
    }
    return out;
  }

  private Path write(String name, double[][] frames, boolean depth) throws Exception {
    StringBuilder text = new StringBuilder("time_s");
    for (int i = 0; i < MediaPipeLandmarks.POINTS; i++) {
      text.append(",x").append(i).append(",y").append(i).append(depth ? ",z" + i : "");
    }
    text.append('\n');
    for (int f = 0; f < frames.length; f++) {
      text.append(f / 30.0);
      for (int i = 0; i < MediaPipeLandmarks.POINTS; i++) {
        text.append(',').append(frames[f][2 * i]).append(',').append(frames[f][2 * i + 1]).append(depth ? ",-3.5" : "");
      }
      text.append('\n');
    }
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void theIbugPointsAndPupilsComeFromTheirMeshPoints() throws Exception {
    double[][] mesh = mesh(1, 4, false);
    LandmarkTrack t = LandmarkFormats.standard().read(write("mp.csv", mesh, false));
    int[] ibug = MediaPipeLandmarks.ibug68();
    assertThat(t.pointCount()).isEqualTo(70);
    assertThat(t.frameCount()).isEqualTo(4);
    for (int j = 0; j < 68; j++) {
      assertThat(t.x(2, j)).isEqualTo(mesh[2][2 * ibug[j]]);
      assertThat(t.y(2, j)).isEqualTo(mesh[2][2 * ibug[j] + 1]);
    }
    assertThat(t.x(0, 68)).isEqualTo(227);
    assertThat(t.x(0, 69)).isEqualTo(423);
  }

  @Test
  void anIrisGoesToTheEyeItIsInWithOrWithoutDepthColumns() throws Exception {
    LandmarkTrack t = LandmarkFormats.standard().read(write("mpz.csv", mesh(2, 2, true), true));
    assertThat(t.x(1, 68)).isEqualTo(223);
    assertThat(t.y(1, 68)).isEqualTo(299);
    assertThat(t.x(1, 69)).isEqualTo(427);
  }

  @Test
  void aWrongColumnIsRejectedWithItsName() throws Exception {
    Path file = write("bad.csv", mesh(3, 1, false), false);
    Files.writeString(file, Files.readString(file).replaceFirst(",x200,", ",q200,"));
    assertThatThrownBy(() -> new MediaPipeCsvReader().read(file)).isInstanceOf(BadInputException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("x200");
  }
}
