package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mimik ego train | distill | track} on a tiny simulated dataset, and their answer to bad input. */
class EgoTrainCommandTest {

  @TempDir static Path dir;
  private static Path data;
  private static final String[] SMALL = {"--image-size", "16", "--widths", "6,12", "--epochs", "1", "--steps", "4",
      "--batch", "6"};

  @BeforeAll
  static void simulate() {
    data = dir.resolve("ego");
    CapturedRun.Result r = CapturedRun.run("ego", "simulate", "--out", data.toString(), "--subjects", "4",
        "--minutes", "0.05", "--domain", "both", "--width", "16", "--ict", dir.resolve("none").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  static String[] args(String... first) {
    String[] all = new String[first.length + SMALL.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(SMALL, 0, all, first.length, SMALL.length);
    return all;
  }

  @Test
  void trainWritesAModelAndScoresTheHeldOutSubject() throws Exception {
    Path out = dir.resolve("train");
    CapturedRun.Result r = CapturedRun.run(args("ego", "train", "--data", data.toString(), "--out", out.toString()));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("ego.model")).isRegularFile();
    JsonNode rows = new ObjectMapper().readTree(out.resolve("study.json").toFile()).get("rows");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("name").asText()).isEqualTo("pseudo GT");
    assertThat(rows.get(1).get("held_out").has("semantic_accuracy")).isTrue();
    assertThat(rows.get(1).get("true_mae").asDouble()).isPositive();
    assertThat(r.out()).contains("| 0 | model |");

    Path tracked = dir.resolve("track");
    CapturedRun.Result t = CapturedRun.run("ego", "track", "--model", out.resolve("ego.model").toString(), "--views",
        data.resolve("s04/r01").toString(), "--out", tracked.toString());
    assertThat(t.exitCode()).as(t.err()).isZero();
    assertThat(t.out()).contains("tracked 91 frames").doesNotContain("NaN");
    assertThat(Files.readAllLines(tracked.resolve("blendshapes.csv"))).hasSize(92);
    assertThat(new ObjectMapper().readTree(tracked.resolve("metrics.json").toFile()).get("dataset")
        .has("semantic_accuracy")).isTrue();

    CapturedRun.Result bad = CapturedRun.run("ego", "track", "--model", data.resolve("manifest.csv").toString(),
        "--views", data.resolve("s04/r01").toString(), "--out", dir.resolve("bad").toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("manifest.csv");
    assertThat(dir.resolve("bad")).doesNotExist();
  }

  @Test
  void distillReportsEveryRoundAndTheFinalModel() throws Exception {
    Path out = dir.resolve("distill");
    CapturedRun.Result r = CapturedRun.run(args("ego", "distill", "--data", data.toString(), "--out",
        out.toString(), "--rounds", "1", "--pool", "1"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("ego.model")).isRegularFile();
    JsonNode rows = new ObjectMapper().readTree(out.resolve("study.json").toFile()).get("rows");
    // pseudo GT, initial, the round's two models and its ensemble, final, final+post
    assertThat(rows).hasSize(7);
    assertThat(Files.readString(out.resolve("study.md"))).contains("initial", "ensemble", "final+post",
        "eye cl. (winks)", "| 1 | single teacher | ", "| 1 | ensemble | 1 members | ");
    assertThat(r.out()).contains("| 1 | single teacher | ");
    // REFA Table 2 with a pool of one: the ensemble is its one member, so neither is better on any figure
    JsonNode teachers = new ObjectMapper().readTree(out.resolve("study.json").toFile())
        .get("single_teacher_vs_ensemble");
    assertThat(teachers).hasSize(1);
    assertThat(teachers.get(0).get("ensemble_better").asInt()).isZero();
    assertThat(teachers.get(0).get("single_better").asInt()).isZero();
    assertThat(rows.get(1).get("held_out").has("eye_closure_winks")).isTrue();
    // the labels learnt from, on the training subjects: the truth, then rounds 1 and 2 (the final model's) as they
    // are and post-processed; the truth has no error against itself, the pseudo labels some
    JsonNode labels = new ObjectMapper().readTree(out.resolve("study.json").toFile()).get("training_labels");
    assertThat(labels).extracting(l -> l.get("round").asInt() + " " + l.get("name").asText()).containsExactly(
        "0 truth", "1 labels", "1 labels, post-processed", "2 labels", "2 labels, post-processed");
    assertThat(labels.get(0).get("true_mae").asDouble()).isZero();
    assertThat(labels.get(1).get("true_mae").asDouble()).isPositive();
    assertThat(labels.get(1).get("training_subjects").has("semantic_accuracy")).isTrue();
    assertThat(r.out()).contains("| 1 | labels, post-processed | ");
  }

  @Test
  void benchEgoHeadsTrainsBothHeadsPerSeedAndRefusesTheSingleHeadSwitch() {
    CapturedRun.Result r = CapturedRun.run(args("bench", "ego-heads", "--data", data.toString(), "--seeds", "3"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("| pseudo GT (held-out subjects) |", "| eye + face MLPs | 3 | ",
        "| one concatenated head | 3 | ", "eye cl. (winks)", "over 1 seeds").doesNotContain("NaN");
    CapturedRun.Result bad = CapturedRun.run(args("bench", "ego-heads", "--data", data.toString(), "--single-head"));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--single-head does not apply");
  }

  @Test
  void tooManyHeldOutSubjectsExitWith2AndOneLine() {
    CapturedRun.Result r = CapturedRun.run(args("ego", "train", "--data", data.toString(), "--out",
        dir.resolve("x").toString(), "--held-out", "2"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).contains(data.toString(), "2 real-domain subjects").doesNotContain("\n");
  }
}
