package dev.mimik.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.io.BadInputException;
import dev.mimik.sim.camera.SketchRig;
import dev.mimik.sim.sensor.Montage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {

  private static SimulationSettings settings(long seed) {
    return new SimulationSettings(2, 1, 0.25, seed, Montage.earpiece(), 1000, 30, 120);
  }

  @Test
  void sameSeedWritesTheSameBytesAndAnotherSeedOtherBytes(@TempDir Path dir) throws IOException {
    Simulator sim = new Simulator(SketchRig.build(), SessionWriter.of("edf"), settings(5));
    sim.write(dir.resolve("a"), id -> { });
    sim.write(dir.resolve("b"), id -> { });
    new Simulator(SketchRig.build(), SessionWriter.of("edf"), settings(6)).write(dir.resolve("c"), id -> { });
    List<Path> files = files(dir.resolve("a"));
    assertThat(files).hasSize(1 + 2 * 10);
    for (Path f : files) {
      byte[] a = Files.readAllBytes(dir.resolve("a").resolve(f));
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f.toString()).isEqualTo(a);
    }
    assertThat(Files.readAllBytes(dir.resolve("c/p01/s01/signals.edf")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("a/p01/s01/signals.edf")));
    var signal = new dev.mimik.core.io.edf.EdfReader().read(dir.resolve("a/p01/s01/signals.edf"));
    assertThat(signal.channelNames()).containsExactly("EAR1", "EAR2");
    assertThat(signal.samplingRate()).isEqualTo(1000.0);
    assertThat(signal.channel(0).samples()).hasSize(15000);
  }

  @Test
  void writesTheManifestAndTheSessionLayout(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("data");
    new Simulator(SketchRig.build(), SessionWriter.of("csv"), settings(1)).write(out, id -> { });
    List<String> manifest = Files.readAllLines(out.resolve("manifest.csv"));
    assertThat(manifest.get(0)).isEqualTo("signals,landmarks,participant,offset_s");
    assertThat(manifest).hasSize(3);
    assertThat(manifest.get(1)).startsWith("p01/s01/signals.csv,p01/s01/landmarks.csv,p01,");
    List<String> signals = Files.readAllLines(out.resolve("p01/s01/signals.csv"));
    assertThat(signals.get(0)).isEqualTo("time_s,EAR1,EAR2");
    assertThat(signals).hasSize(1 + 15000);
    List<String> landmarks = Files.readAllLines(out.resolve("p01/s01/landmarks.csv"));
    // OpenFace's layout with its eye landmarks, which carry the pupils
    assertThat(landmarks.get(0)).startsWith("frame, face_id, timestamp, confidence, success, eye_lmk_x_0")
        .contains(", x_0, x_1");
    assertThat(landmarks.size()).isBetween(430, 452);
    var detected = new dev.mimik.core.io.openface.OpenFaceReader().read(out.resolve("p01/s01/landmarks.csv"));
    var exact = new dev.mimik.core.io.csv.LandmarkCsvReader().read(out.resolve("p01/s01/truth/landmarks.csv"));
    assertThat(detected.frameCount()).isEqualTo(exact.frameCount()).isEqualTo(landmarks.size() - 1);
    assertThat(detected.pointCount()).isEqualTo(exact.pointCount()).isEqualTo(70);
    assertThat(detected.missingCount()).isLessThan(detected.frameCount() / 10);
    assertThat(Files.readAllLines(out.resolve("p01/s01/truth/blendshapes.csv")).get(0))
        .startsWith("time_s,eyeBlinkLeft,eyeLookDownLeft");
    assertThat(Files.readAllLines(out.resolve("p01/s01/truth/clock.csv")).get(0))
        .isEqualTo("camera_offset_s,camera_drift_ppm");
  }

  @Test
  void refusesAFolderThatIsNotEmptyAndLeavesNothingBehind(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("busy");
    Files.createDirectories(out);
    Files.writeString(out.resolve("x"), "x");
    Simulator sim = new Simulator(SketchRig.build(), SessionWriter.of("edf"), settings(1));
    assertThatThrownBy(() -> sim.write(out, id -> { }))
        .isInstanceOf(BadInputException.class).hasMessageContaining("busy");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("busy");
    }
  }

  @Test
  void decimalsAreFixedPointAndLocaleFree() {
    StringBuilder sb = new StringBuilder();
    for (double v : new double[] {0, -0.0004, 1.5, -12.345678, 0.05, 123456.0009, Double.NaN}) {
      Decimals.append(sb, v, 3);
      sb.append('|');
    }
    assertThat(sb.toString()).isEqualTo("0.000|0.000|1.500|-12.346|0.050|123456.001||");
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
