package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

  @Test
  void benchWithoutASubcommandIsBadUsage() {
    assertThat(Main.run("bench")).isEqualTo(Main.EXIT_BAD_INPUT);
  }

  @Test
  void benchDspHasHelp() {
    assertThat(Main.run("bench", "dsp", "--help")).isZero();
  }

  @Test
  void benchDspRejectsANonPositiveLength() {
    assertThat(Main.run("bench", "dsp", "--eifer-seconds", "0")).isEqualTo(Main.EXIT_BAD_INPUT);
  }
}
