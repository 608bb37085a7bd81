package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchTrackCommandTest {

  @Test
  void printsEveryStageAndTheTargets() {
    CapturedRun.Result r = CapturedRun.run("bench", "track", "--minutes", "0.3", "--epochs", "1", "--warmup", "5");
    assertThat(r.exitCode()).as(r.err()).isZero();
    // 18 s at 30 fps, less the first 0.5 s window and the warm-up
    assertThat(r.out()).contains("520 frames timed after 5 warm-up frames");
    for (String stage : new String[] {"filters+window", "network", "kalman", "rig fit", "total", "frames/s",
        "issue 5 targets"}) {
      assertThat(r.out()).contains(stage);
    }
  }

  @Test
  void refusesAModelWithoutARecording() {
    assertThat(CapturedRun.run("bench", "track", "--model", "m.mimik").exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
  }

  @Test
  void refusesANonPositiveLength() {
    assertThat(CapturedRun.run("bench", "track", "--minutes", "0").exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
  }
}
