package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchTrackCommandTest {

  @Test
  void printsEveryStageAndTheTargets() {
    CapturedRun.Result r = CapturedRun.run("bench", "track", "--minutes", "0.3", "--epochs", "1", "--warmup", "5");
    assertThat(r.exitCode()).as(r.err()).isZero();
    // with one and then two threads: 18 s at 30 fps (540 frames) less the first 0.5 s window (15), the warm-up and
    // the last frames the eye stage holds until the stream ends (about 12); the model carries the identity
    assertThat(r.out()).contains("1 pytorch thread(s): ").contains("2 pytorch thread(s): ");
    java.util.regex.Matcher timed = java.util.regex.Pattern.compile("(\\d+) frames timed").matcher(r.out());
    assertThat(timed.find()).isTrue();
    assertThat(Integer.parseInt(timed.group(1))).isBetween(500, 515);
    for (String stage : new String[] {"filters", "network", "smoothing", "eyes", "fit", "total", "frames/s",
        "targets:"}) {
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
