package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchTrainCommandTest {

  @Test
  void printsEpochTimesAndPredictionLatencyPerThreadCount() {
    CapturedRun.Result r = CapturedRun.run("bench", "train", "--minutes", "0.3", "--epochs", "1", "--threads", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("s/epoch").contains("predict p99 ms");
    assertThat(r.out().lines().filter(l -> l.matches("\\s+1\\s+[0-9.]+\\s+[0-9]+\\s+[0-9.]+\\s+[0-9.]+"))).hasSize(1);
  }

  @Test
  void refusesBadCounts() {
    assertThat(CapturedRun.run("bench", "train", "--epochs", "0").exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(CapturedRun.run("bench", "train", "--minutes", "0").exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
  }
}
