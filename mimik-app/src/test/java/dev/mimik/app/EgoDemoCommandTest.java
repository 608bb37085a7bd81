package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mimik ego demo} at a tiny size: every step runs and writes its part; bad input exits with 2. */
class EgoDemoCommandTest {

  @TempDir static Path dir;

  @Test
  void theDemoSimulatesDistillsTracksTheHeldOutSubjectAndReports() throws Exception {
    Path out = dir.resolve("demo");
    CapturedRun.Result r = CapturedRun.run("ego", "demo", "--out", out.toString(), "--subjects", "4", "--held-out",
        "1", "--minutes", "0.05", "--steps", "3", "--ict", dir.resolve("none").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("data/manifest.csv")).isRegularFile();
    assertThat(out.resolve("ego.model")).isRegularFile();
    JsonNode rows = new ObjectMapper().readTree(out.resolve("study.json").toFile()).get("rows");
    List<String> names = new ArrayList<>();
    rows.forEach(row -> names.add(row.get("name").asText()));
    assertThat(names).containsExactly("pseudo GT", "initial", "raw-s1001", "post-s1001", "ensemble", "final",
        "final+post");
    // the last real subject (s04) is held out: tracked with the final model, 91 frames of 3 s at 30 fps
    assertThat(Files.readAllLines(out.resolve("track/s04-r01/blendshapes.csv"))).hasSize(92);
    assertThat(out.resolve("track/s04-r01/metrics.json")).isRegularFile();
    String report = Files.readString(out.resolve("report.md"));
    assertThat(report).contains("\"real\" domain is simulated", "Semantic Accuracy", "| s04/r01 | 91 |",
        "| total |");
    assertThat(r.out()).contains("CPU");
  }

  @Test
  void aFolderNotEmptyOrTooFewSubjectsExitWith2AndOneLine() throws Exception {
    Path used = Files.createDirectories(dir.resolve("used"));
    Files.writeString(used.resolve("keep.txt"), "mine");
    CapturedRun.Result r = CapturedRun.run("ego", "demo", "--out", used.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).contains(used.toString(), "not empty").doesNotContain("\n");
    assertThat(Files.list(used)).hasSize(1);

    CapturedRun.Result few = CapturedRun.run("ego", "demo", "--out", dir.resolve("few").toString(), "--subjects",
        "3", "--ict", dir.resolve("none").toString());
    assertThat(few.exitCode()).isEqualTo(2);
    assertThat(few.err().strip()).contains("3 subjects").doesNotContain("\n");
    assertThat(dir.resolve("few")).doesNotExist();
  }
}
