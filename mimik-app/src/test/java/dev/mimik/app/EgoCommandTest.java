package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mimik ego simulate | check | eval} on a tiny dataset, and their answers to bad input. */
class EgoCommandTest {

  @TempDir static Path dir;
  private static Path data;

  @BeforeAll
  static void simulate() {
    data = dir.resolve("ego");
    CapturedRun.Result r = CapturedRun.run("ego", "simulate", "--out", data.toString(), "--subjects", "2",
        "--minutes", "0.05", "--domain", "both", "--width", "16", "--ict", dir.resolve("none").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote 2 recordings, 910 images (16x16)");
  }

  @Test
  void checkSaysWhatTheDatasetHolds() {
    CapturedRun.Result r = CapturedRun.run("ego", "check", data.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("headset refa5", "s02/r01: subject s02, real, 91 frames", "labels pseudo");
  }

  @Test
  void evalWritesFiveMetricsAtThreeLevelsAndTheReport() throws Exception {
    Path out = dir.resolve("eval");
    CapturedRun.Result r = CapturedRun.run("ego", "eval", "--data", data.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("labels", "pseudo GT", "truth");
    JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    for (String level : new String[] {"dataset"}) {
      for (String k : new String[] {"semantic_accuracy", "neutralness", "smoothness", "eye_closure",
          "mouth_closure"}) {
        assertThat(m.get(level).has(k)).as(k).isTrue();
      }
    }
    assertThat(m.get("subjects")).hasSize(1);
    assertThat(m.get("recordings")).hasSize(1);
    assertThat(m.get("other_sources").has("pseudo GT")).isTrue();
    assertThat(m.get("other_sources").get("pseudo GT").get("versus_truth").get("mesh_error_mm").asDouble())
        .isPositive();
    assertThat(Files.readString(out.resolve("report.html"))).contains("Table 1", "REFA: Pseudo GT");
  }

  @Test
  void evalOfOneFileNeedsItsSegments() throws Exception {
    Path out = dir.resolve("one");
    CapturedRun.Result r = CapturedRun.run("ego", "eval", "--pred", data.resolve("s01/r01/labels.csv").toString(),
        "--segments", data.resolve("s01/r01/segments.csv").toString(), "--truth",
        data.resolve("truth/s01/r01/blendshapes.csv").toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("metrics.json")).exists();
    CapturedRun.Result bad = CapturedRun.run("ego", "eval", "--pred", data.resolve("s01/r01/labels.csv").toString(),
        "--out", out.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("mimik ego eval: give --data DATASET, or --pred FILE with --segments FILE");
  }

  @Test
  void aBadHeadsetFileAndABadImageFolderExitWith2AndOneLine() throws Exception {
    Path headset = dir.resolve("h.json");
    Files.writeString(headset, "{\"format\": \"mimik-headset/1\", \"name\": \"h\", \"cameras\": 3}");
    CapturedRun.Result r = CapturedRun.run("ego", "simulate", "--out", dir.resolve("x").toString(), "--headset",
        headset.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("mimik ego simulate: " + headset + ": cameras must be a non-empty array");
    assertThat(dir.resolve("x")).doesNotExist();

    Path broken = dir.resolve("broken");
    Files.createDirectories(broken.resolve("s01/r01/views"));
    Files.copy(data.resolve("manifest.csv"), broken.resolve("manifest.csv"));
    Files.copy(data.resolve("headset.json"), broken.resolve("headset.json"));
    Files.createDirectories(broken.resolve("s02/r01"));
    CapturedRun.Result c = CapturedRun.run("ego", "check", broken.toString());
    assertThat(c.exitCode()).isEqualTo(2);
    assertThat(c.err().lines().filter(l -> l.startsWith("mimik ego check:")).toList()).containsExactly(
        "mimik ego check: " + broken.resolve("s01/r01/views/eye_left")
            + ": is missing: the headset has a camera eye_left");
  }
}
