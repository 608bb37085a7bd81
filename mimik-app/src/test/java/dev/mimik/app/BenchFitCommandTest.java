package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchFitCommandTest {

  @Test
  void printsOneLinePerCase() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = new CommandLine(new BenchFitCommand()).execute("--frames", "5");
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(out).contains("ms/frame", "weight MAE", "pinhole", "weak", "sequence");
    assertThat(out.lines().filter(l -> l.startsWith("pinhole") || l.startsWith("weak")).count()).isEqualTo(8);
  }

  @Test
  void negativeNoiseIsBadUsage() {
    assertThat(new CommandLine(new BenchFitCommand()).execute("--noise", "-1")).isEqualTo(2);
  }
}
