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
    assertThat(files).hasSize(1 + 2 * 11);
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
    // the realistic default leaves the clocks to be found: they are in the truth alone
    assertThat(manifest).containsExactly("signals,landmarks,participant",
        "p01/s01/signals.csv,p01/s01/landmarks.csv,p01", "p02/s01/signals.csv,p02/s01/landmarks.csv,p02");
    List<String> signals = Files.readAllLines(out.resolve("p01/s01/signals.csv"));
    assertThat(signals.get(0)).isEqualTo("time_s,EAR1,EAR2");
    assertThat(signals).hasSize(1 + 15000);
    List<String> landmarks = Files.readAllLines(out.resolve("p01/s01/landmarks.csv"));
    // OpenFace's layout with its eye landmarks, which carry the pupils
    assertThat(landmarks.get(0)).startsWith("frame, face_id, timestamp, confidence, success, eye_lmk_x_0")
        .contains(", x_0, x_1");
    // the camera films from its own start until the 15 s performance ends: 15 s plus the camera's head start
    String[] clock = Files.readAllLines(out.resolve("p01/s01/truth/clock.csv")).get(1).split(",");
    double offset = Double.parseDouble(clock[0]);
    double drift = Double.parseDouble(clock[1]) * 1e-6;
    assertThat((double) landmarks.size() - 1).isCloseTo(30 * (offset + 15 * (1 + drift)),
        org.assertj.core.data.Offset.offset(1.0));
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
  void realisticSessionsPutTheEarpieceOnAfreshAndShiftTheCameraClockControlledOnesDoNot() {
    Simulator realistic = new Simulator(SketchRig.build(), SessionWriter.of("edf"),
        new SimulationSettings(1, 2, 0.25, 3, Montage.earpiece(), 1000, 30, 120, Conditions.realistic()));
    var who = realistic.participant(0);
    SimulatedSession a = realistic.session(who, 0);
    SimulatedSession b = realistic.session(who, 1);
    assertThat(a.donning().isNone()).isFalse();
    assertThat(a.donning().leadGains(2)).isNotEqualTo(b.donning().leadGains(2));
    assertThat(a.donning().shiftMm()).isNotEqualTo(b.donning().shiftMm());
    for (SimulatedSession s : List.of(a, b)) {
      assertThat(Math.abs(s.camera().clockOffsetS())).isBetween(0.2, 5.0);
      assertThat(Math.abs(s.camera().driftPpm())).isBetween(10.0, 80.0);
      // the landmark file starts at camera time 0 whatever the offset, so its times do not give the offset away
      assertThat(s.capture().detected().timesSeconds()[0]).isZero();
    }
    // the same performance recorded without taking the earpiece off gives other signals
    Simulator controlled = new Simulator(SketchRig.build(), SessionWriter.of("edf"),
        new SimulationSettings(1, 2, 0.25, 3, Montage.earpiece(), 1000, 30, 120, Conditions.controlled()));
    SimulatedSession c = controlled.session(who, 0);
    assertThat(c.donning().isNone()).isTrue();
    assertThat(Math.abs(c.camera().clockOffsetS())).isLessThanOrEqualTo(0.5);
    assertThat(Simulator.manifestHeader(Conditions.controlled()))
        .isEqualTo("signals,landmarks,participant,offset_s,drift_ppm");
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
