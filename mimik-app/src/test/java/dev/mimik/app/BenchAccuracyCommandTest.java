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
    assertThat(CapturedRun.run("bench", "accuracy", "--sub-bands", "0").exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(CapturedRun.run("bench", "accuracy", "--gain-jitter", "-0.1").exitCode())
        .isEqualTo(Main.EXIT_BAD_INPUT);
  }

  @Test
  void theFeatureOptionsReachBothModelsInputsAndBioNetsTraining() {
    CapturedRun.Result r = CapturedRun.run("bench", "accuracy", "--seeds", "5", "--participants", "1", "--minutes",
        "0.3", "--epochs", "1", "--sub-bands", "3", "--session-norm", "--window", "0.6", "--gain-jitter", "0.1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("inputs: 3 EMG envelope(s) and the EOG per channel, window 0.60 s, z-scored per"
        + " session; BioNet's gain jitter 0.10").contains("seed 5 p01: BioNet");
  }
}
