package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFineTuneCommandTest {

  @Test
  void scoresEveryModelAtEveryCalibrationLengthAndWritesTheReport(@TempDir Path dir) {
    Path out = dir.resolve("fine-tune");
    CapturedRun.Result r = CapturedRun.run("bench", "fine-tune", "--seeds", "3", "--population", "2",
        "--new-people", "1", "--minutes", "0.6", "--calibration", "0,0.05,0.5", "--epochs", "1", "--out",
        out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("seed 3 p03, 0 min calibration, population: NME")
        .contains("seed 3 p03, 0 min calibration, mean face: NME")
        .contains("seed 3 p03, 0 min calibration, own mean face: NME")
        .contains("seed 3 p03, 0.5 min calibration, fine-tuned: NME")
        .contains("seed 3 p03, 0.5 min calibration, scratch: NME")
        .contains("seed 3 p03, 0.5 min calibration, calibration mean face: NME")
        .contains("seed 3 p03, 0.05 min calibration, scratch: too short to train")
        .containsPattern("0\\.5 min +[0-9.]+ % +[0-9.]+ % +- +-");
    assertThat(Files.exists(out.resolve("report.html"))).isTrue();
  }

  @Test
  void refusesACalibrationLongerThanASession() {
    assertThat(CapturedRun.run("bench", "fine-tune", "--minutes", "1", "--calibration", "0,2").exitCode())
        .isEqualTo(Main.EXIT_BAD_INPUT);
  }
}
