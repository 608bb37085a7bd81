package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.learn.engine.TorchEngine;
import dev.mimik.learn.train.TorchBioNet;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BenchTrainCommandTest {

  @Test
  void printsEachRepeatOfMimiksEpochTimesTheirMediansAndWhyPyTorchDidNotRun() {
    CapturedRun.Result r = CapturedRun.run("bench", "train", "--minutes", "0.3", "--epochs", "2", "--repeats", "3",
        "--threads", "1", "--python", "/nonexistent/python3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("s/epoch").contains("predict p50 ms")
        .contains("PyTorch: not run: /nonexistent/python3 does not run")
        .contains("allocator: mimik " + TorchEngine.allocator() + " (");
    List<String[]> repeats = rows(r.out(), "\\s+1\\s+[123]\\s+[0-9.]+\\s+[0-9.]+(\\s+n/a){4}\\s+[0-9.]+\\s+[0-9.]+");
    List<String[]> median = rows(r.out(), "\\s+1\\s+median\\s+[0-9.]+\\s+[0-9.]+(\\s+n/a){4}\\s+[0-9.]+\\s+[0-9.]+");
    assertThat(repeats).hasSize(3);
    assertThat(median).hasSize(1);
    // each figure of the median row is the middle one of the three repeats' figures
    for (int column : new int[] {2, 3, 8, 9}) {
      double[] sorted = repeats.stream().mapToDouble(row -> Double.parseDouble(row[column])).sorted().toArray();
      assertThat(Double.parseDouble(median.get(0)[column])).as("column %d", column).isEqualTo(sorted[1]);
    }
  }

  @Test
  void printsPyTorchsEpochTimesAndTheRatioBesideMimiksForEachRepeatAndTheirMedian() {
    TorchBioNet torch = new TorchBioNet(TorchBioNet.defaultPython());
    torch.unavailable().ifPresent(why -> Assumptions.abort("PyTorch is not available: " + why));
    CapturedRun.Result r = CapturedRun.run("bench", "train", "--minutes", "0.3", "--epochs", "1", "--repeats", "2",
        "--threads", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("PyTorch: the same network").contains("PyTorch was torch ")
        .contains("allocator: mimik " + TorchEngine.allocator() + ", PyTorch " + TorchEngine.allocator() + " (");
    List<String[]> repeats = rows(r.out(), "\\s+1\\s+[12](\\s+[0-9.]+){8}");
    List<String[]> median = rows(r.out(), "\\s+1\\s+median(\\s+[0-9.]+){8}");
    assertThat(repeats).hasSize(2);
    assertThat(median).hasSize(1);
    for (String[] row : repeats) {
      // each ratio is mimik's figure over PyTorch's, within what rounding to two decimals allows
      for (int side = 0; side < 2; side++) {
        double m = Double.parseDouble(row[2 + side]);
        double p = Double.parseDouble(row[4 + side]);
        double ratio = Double.parseDouble(row[6 + side]);
        assertThat(p).isGreaterThan(0.005);
        assertThat(ratio).isBetween((m - 0.005) / (p + 0.005) - 0.005, (m + 0.005) / (p - 0.005) + 0.005);
      }
    }
    // with two repeats the median is their mean: it lies between them
    for (int column = 2; column < 10; column++) {
      int c = column;
      double[] v = repeats.stream().mapToDouble(row -> Double.parseDouble(row[c])).sorted().toArray();
      assertThat(Double.parseDouble(median.get(0)[column])).as("column %d", column).isBetween(v[0] - 0.01, v[1] + 0.01);
    }
  }

  @Test
  void refusesBadCounts() {
    assertThat(CapturedRun.run("bench", "train", "--epochs", "0").exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(CapturedRun.run("bench", "train", "--repeats", "0").exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(CapturedRun.run("bench", "train", "--minutes", "0").exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
  }

  /** The whitespace-separated fields of the output's lines that match {@code pattern}. */
  private static List<String[]> rows(String out, String pattern) {
    return out.lines().filter(l -> l.matches(pattern)).map(l -> l.strip().split("\\s+")).toList();
  }
}
