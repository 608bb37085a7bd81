package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  @TempDir Path dir;

  private static CapturedRun.Result eval(String... args) {
    String[] all = Stream.concat(Stream.of("eval"), Stream.of(args)).toArray(String[]::new);
    return CapturedRun.run(all);
  }

  /**
   * Writes a generic landmark CSV of {@code frames} frames at 30 fps: a seeded random face with outer eye corners
   * 100 px apart, moved by (dx, dy); the jaw left empty if {@code noJaw}.
   */
  private Path csv(String name, int frames, double dx, double dy, boolean noJaw, double delay) throws Exception {
    Random random = new Random(42);
    StringBuilder sb = new StringBuilder("time_s");
    for (int i = 0; i < 68; i++) {
      sb.append(",x").append(i).append(",y").append(i);
    }
    sb.append('\n');
    for (int f = 0; f < frames; f++) {
      sb.append(String.format(Locale.ROOT, "%.6f", f / 30.0 + delay));
      for (int i = 0; i < 68; i++) {
        double x = 50 + 200 * random.nextDouble();
        double y = 100 + 200 * random.nextDouble();
        if (i == 36 || i == 45) {
          x = i == 36 ? 100 : 200;
          y = 200;
        }
        if (noJaw && i < 17) {
          sb.append(",,");
        } else {
          sb.append(String.format(Locale.ROOT, ",%.4f,%.4f", x + dx, y + dy));
        }
      }
      sb.append('\n');
    }
    return Files.writeString(dir.resolve(name), sb);
  }

  @Test
  void printsASummaryOfAKnownOffset() throws Exception {
    Path truth = csv("truth.csv", 30, 0, 0, false, 0);
    Path pred = csv("pred.csv", 30, 3, 4, false, 0);
    CapturedRun.Result r = eval("--pred", pred.toString(), "--truth", truth.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("nme_percent  5.000").contains("mae_mm       4.500").contains("frames       30")
        .contains("68 evaluated");
  }

  @Test
  void jsonGoesToStdoutAsMetricsJson() throws Exception {
    Path truth = csv("truth.csv", 20, 0, 0, false, 0);
    Path pred = csv("pred.csv", 20, 0, 2, true, 0.01);
    CapturedRun.Result r = eval("--pred", pred.toString(), "--truth", truth.toString(), "--json",
        "--eye-corners-mm", "60");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.fieldNames()).toIterable().startsWith("nme_percent", "mae_mm", "frames", "per_landmark");
    assertThat(json.get("nme_percent").asDouble()).isCloseTo(2.0, within(1e-9));
    assertThat(json.get("mae_mm").asDouble()).isCloseTo(1.2, within(1e-9));
    assertThat(json.get("frames").asInt()).isEqualTo(20);
    assertThat(json.get("per_landmark")).hasSize(51);
    assertThat(json.get("excluded_landmarks")).hasSize(17);
  }

  @Test
  void outWritesMetricsAndReport() throws Exception {
    Path truth = csv("truth.csv", 60, 0, 0, false, 0);
    Path pred = csv("pred.csv", 60, 1, 0, false, 0);
    Path out = dir.resolve("results");
    CapturedRun.Result r = eval("--pred", pred.toString(), "--truth", truth.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("metrics.json",
          "report.html");
    }
    JsonNode json = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(json.get("nme_percent").asDouble()).isCloseTo(1.0, within(1e-9));
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("data:image/png;base64,").contains("nme_percent");
  }

  @Test
  void anOpenFaceTruthIsComparedWithAGenericCsvAndItsFailedFramesAreSkipped() throws Exception {
    Path pred = csv("pred.csv", 10, 0, 2, false, 0);
    List<String> generic = Files.readAllLines(csv("truth.csv", 10, 0, 0, false, 0));
    StringBuilder openFace = new StringBuilder("frame, face_id, timestamp, confidence, success");
    for (int i = 0; i < 68; i++) {
      openFace.append(", x_").append(i);
    }
    for (int i = 0; i < 68; i++) {
      openFace.append(", y_").append(i);
    }
    openFace.append('\n');
    for (int f = 0; f < 10; f++) {
      String[] cells = generic.get(f + 1).split(",");
      boolean failed = f == 4;
      openFace.append(f + 1).append(", 0, ").append(cells[0]).append(failed ? ", 0.1, 0" : ", 0.98, 1");
      for (int k = 0; k < 136; k++) {
        int i = k % 68;
        openFace.append(", ").append(failed ? "0" : cells[1 + 2 * i + (k < 68 ? 0 : 1)]);
      }
      openFace.append('\n');
    }
    Path truth = Files.writeString(dir.resolve("openface.csv"), openFace);
    CapturedRun.Result r = eval("--pred", pred.toString(), "--truth", truth.toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("frames").asInt()).isEqualTo(9);
    assertThat(json.get("frames_missing").asInt()).isEqualTo(1);
    assertThat(json.get("nme_percent").asDouble()).isCloseTo(2.0, within(1e-6));
  }

  @Test
  void clocksThatNeverOverlapAreBadInputNamingThePrediction() throws Exception {
    Path truth = csv("truth.csv", 10, 0, 0, false, 0);
    Path pred = csv("pred.csv", 10, 0, 0, false, 100);
    Path out = dir.resolve("results");
    CapturedRun.Result r = eval("--pred", pred.toString(), "--truth", truth.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString().contains(pred.toString()).contains("half a frame");
    assertThat(r.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void aMissingOrUnreadableFileIsBadInputNamingIt() throws Exception {
    Path truth = csv("truth.csv", 10, 0, 0, false, 0);
    Path missing = dir.resolve("nope.csv");
    CapturedRun.Result r = eval("--pred", missing.toString(), "--truth", truth.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString().contains(missing.toString());

    Path junk = Files.writeString(dir.resolve("junk.txt"), "hello\nworld\n");
    r = eval("--pred", truth.toString(), "--truth", junk.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString().contains(junk.toString());
  }

  @Test
  void aTruthWithoutEyeCornersIsBadInputNamingIt() throws Exception {
    Path pred = csv("pred.csv", 10, 0, 0, false, 0);
    List<String> lines = Files.readAllLines(csv("truth.csv", 10, 0, 0, false, 0));
    List<String> blanked = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      cells[1 + 72] = "";
      cells[1 + 73] = "";
      blanked.add(String.join(",", cells));
    }
    Path truth = Files.write(dir.resolve("corners.csv"), blanked);
    CapturedRun.Result r = eval("--pred", pred.toString(), "--truth", truth.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString().contains(truth.toString()).contains("eye corners");
  }

  @Test
  void aNonPositiveEyeCornerDistanceIsBadUsage() throws Exception {
    Path truth = csv("truth.csv", 10, 0, 0, false, 0);
    CapturedRun.Result r = eval("--pred", truth.toString(), "--truth", truth.toString(), "--eye-corners-mm", "-5");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString().contains("--eye-corners-mm");
    assertThat(eval("--pred", truth.toString()).exitCode()).isEqualTo(2);
  }
}
