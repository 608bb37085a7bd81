package dev.mimik.signal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Smoke test on tiny inputs: the benchmark runs end to end and, where scipy ran, Java's outputs agree with it. */
class DspBenchmarkTest {

  @Test
  void tinyBenchmarkPrintsEveryCase() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new DspBenchmark(2, 2, 1).run(new PrintStream(bytes, true));
    String text = bytes.toString();
    assertThat(text).contains("causal, whole array", "zero-phase", "full chain");
    if (!text.contains("scipy: not run")) {
      assertThat(text.lines().filter(l -> l.contains("max rel diff"))).as(text).hasSize(4);
    }
    text.lines().filter(l -> l.contains("max rel diff")).forEach(l -> {
      double d = Double.parseDouble(l.substring(l.indexOf("max rel diff") + 13).trim());
      assertThat(d).as(l).isLessThan(1e-9);
    });
  }
}
