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

  @Test
  void benchServePrintsFramesPerViewerLatencyAndMemory() {
    CapturedRun.Result r = CapturedRun.run("bench", "serve", "--viewers", "3", "--seconds", "2", "--channels", "2",
        "--rate", "250", "--block", "25");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("3 viewers").containsPattern("frames per viewer: min \\d+ \\(.*\\), mean")
        .containsPattern("p99 [0-9.]+ ms").contains("ingest: ").contains("heap in use after a full collection");
  }

  @Test
  void benchServeRejectsNoViewers() {
    assertThat(Main.run("bench", "serve", "--viewers", "0")).isEqualTo(Main.EXIT_BAD_INPUT);
  }
}
