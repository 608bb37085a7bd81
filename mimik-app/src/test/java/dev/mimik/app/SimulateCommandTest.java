package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.face.io.IctFaceKit;
import dev.mimik.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  @Test
  void simulatesADatasetWithItsManifest(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("sim");
    int code = Main.run("simulate", "--out", out.toString(), "--participants", "2", "--minutes", "0.1",
        "--seed", "3");
    assertThat(code).isZero();
    assertThat(Files.readAllLines(out.resolve("manifest.csv"))).hasSize(3);
    assertThat(out.resolve("p02/s01/signals.edf")).exists();
    assertThat(out.resolve("p02/s01/landmarks.csv")).exists();
    assertThat(out.resolve("p02/s01/truth/blinks.csv")).exists();
  }

  @Test
  void realisticFacesAreTheIctFaceKitsWhereItIsAndTheVariantsWhereItIsNot(@TempDir Path dir) {
    CapturedRun.Result without = CapturedRun.run("simulate", "--out", dir.resolve("a").toString(), "--minutes", "0.02",
        "--ict", dir.resolve("none").toString());
    assertThat(without.exitCode()).as(without.err()).isZero();
    assertThat(without.err()).contains("note: no ICT FaceKit at " + dir.resolve("none"));
    assertThat(without.out()).contains("faces of mimik-mediapipe-variant");
    CapturedRun.Result controlled = CapturedRun.run("simulate", "--out", dir.resolve("b").toString(), "--minutes",
        "0.02", "--conditions", "controlled", "--ict", dir.resolve("none").toString());
    assertThat(controlled.err()).doesNotContain("note:");
    assertThat(controlled.out()).contains("faces of mimik-mediapipe)");
    Path ict = SharedData.file("ict-facekit/" + IctFaceKit.EXPRESSIONS).getParent();
    CapturedRun.Result with = CapturedRun.run("simulate", "--out", dir.resolve("c").toString(), "--minutes", "0.02",
        "--ict", ict.toString());
    assertThat(with.exitCode()).as(with.err()).isZero();
    assertThat(with.err()).doesNotContain("note:");
    assertThat(with.out()).contains("faces of ict-facekit");
  }

  @Test
  void controlledConditionsGiveTheClocksInTheManifestAndUnknownOnesAreRefused(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("sim");
    assertThat(Main.run("simulate", "--out", out.toString(), "--minutes", "0.05", "--conditions", "controlled"))
        .isZero();
    List<String> manifest = Files.readAllLines(out.resolve("manifest.csv"));
    assertThat(manifest.get(0)).isEqualTo("signals,landmarks,participant,offset_s,drift_ppm");
    String[] truth = Files.readAllLines(out.resolve("p01/s01/truth/clock.csv")).get(1).split(",");
    String[] row = manifest.get(1).split(",");
    assertThat(Double.parseDouble(row[3])).isEqualTo(Double.parseDouble(truth[0]), within(1e-6));
    assertThat(Main.run("simulate", "--out", dir.resolve("x").toString(), "--conditions", "wild")).isEqualTo(2);
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void fridlundMontageGives22Channels(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("sim");
    assertThat(Main.run("simulate", "--out", out.toString(), "--minutes", "0.02", "--montage", "fridlund",
        "--rate", "2048", "--format", "csv")).isZero();
    String header = Files.readAllLines(out.resolve("p01/s01/signals.csv")).get(0);
    assertThat(header.split(",")).hasSize(23);
  }

  @Test
  void aMontageFileGivesItsChannels(@TempDir Path dir) throws Exception {
    Path montage = dir.resolve("cheeks.csv");
    Files.writeString(montage, dev.mimik.sim.sensor.Montage.FILE_HEADER + "\n"
        + "ZYG_L,42,-37,8,42,-47,8\n" + "ZYG_R,-42,-37,8,-42,-47,8\n" + "HEOG,45,0,6,-45,0,6\n");
    Path out = dir.resolve("sim");
    assertThat(Main.run("simulate", "--out", out.toString(), "--minutes", "0.02", "--montage",
        montage.toString(), "--format", "csv")).isZero();
    assertThat(Files.readAllLines(out.resolve("p01/s01/signals.csv")).get(0)).isEqualTo("time_s,ZYG_L,ZYG_R,HEOG");
  }

  @Test
  void invalidOptionsExitWith2AndOneLine(@TempDir Path dir) {
    for (String[] bad : new String[][] {
        {"--rate", "10"}, {"--montage", "cheek"}, {"--format", "wav"}, {"--minutes", "-1"}, {"--participants", "0"},
        {"--montage", dir.resolve("missing.csv").toString()}}) {
      String[] args = new String[bad.length + 3];
      args[0] = "simulate";
      args[1] = "--out";
      args[2] = dir.resolve("x").toString();
      System.arraycopy(bad, 0, args, 3, bad.length);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream old = System.err;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code;
      try {
        code = Main.run(args);
      } finally {
        System.setErr(old);
      }
      String text = err.toString(StandardCharsets.UTF_8).strip();
      assertThat(code).as(String.join(" ", bad)).isEqualTo(2);
      assertThat(text.lines().count()).as(text).isEqualTo(1);
      assertThat(dir.resolve("x")).doesNotExist();
    }
  }
}
