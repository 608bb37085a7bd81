package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchAccuracyCommandTest {

  @Test
  void printsEveryRunAndTheSpreadOverSeeds() {
    CapturedRun.Result r = CapturedRun.run("bench", "accuracy", "--seeds", "3,4", "--participants", "1", "--minutes",
        "0.3", "--epochs", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("seed 3 p01: BioNet").contains("seed 4 p01: BioNet")
        .contains("over 2 held-out sessions: BioNet").contains("fair ridge").contains("BioNet / ridge");
  }

  @Test
  void refusesNoSeeds() {
    assertThat(CapturedRun.run("bench", "accuracy", "--participants", "0").exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
  }
}
