package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.learn.train.TorchBioNet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BenchTrainCommandTest {

  @Test
  void printsMimiksEpochTimesAndSaysWhyPyTorchDidNotRun() {
    CapturedRun.Result r = CapturedRun.run("bench", "train", "--minutes", "0.3", "--epochs", "1", "--threads", "1",
        "--python", "/nonexistent/python3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("s/epoch").contains("predict p50 ms")
        .contains("PyTorch: not run: /nonexistent/python3 does not run");
    assertThat(r.out().lines().filter(l -> l.matches(
        "\\s+1\\s+[0-9.]+\\s+[0-9.]+\\s+n/a\\s+n/a\\s+n/a\\s+n/a\\s+[0-9.]+\\s+[0-9.]+"))).hasSize(1);
  }

  @Test
  void printsPyTorchsEpochTimesAndTheRatioBesideMimiks() {
    TorchBioNet torch = new TorchBioNet(TorchBioNet.defaultPython());
    torch.unavailable().ifPresent(why -> Assumptions.abort("PyTorch is not available: " + why));
    CapturedRun.Result r = CapturedRun.run("bench", "train", "--minutes", "0.3", "--epochs", "1", "--threads", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("PyTorch: the same network").contains("PyTorch was torch ");
    assertThat(r.out().lines().filter(l -> l.matches("\\s+1(\\s+[0-9.]+){8}"))).hasSize(1);
  }

  @Test
  void refusesBadCounts() {
    assertThat(CapturedRun.run("bench", "train", "--epochs", "0").exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(CapturedRun.run("bench", "train", "--minutes", "0").exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
  }
}
