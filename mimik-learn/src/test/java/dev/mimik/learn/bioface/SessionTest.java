package dev.mimik.learn.bioface;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionTest {

  @Test
  void firstSecondsKeepsTheSamplesAndTheCameraFramesOfThatSpan() {
    double offset = 0.5;
    Session whole = SyntheticSession.session(0, 20, offset, 7);
    Session first = whole.firstSeconds(8);
    for (int c = 0; c < whole.signals().channelCount(); c++) {
      double[] all = whole.signals().channel(c).samples();
      double[] kept = first.signals().channel(c).samples();
      assertThat(kept).hasSize((int) Math.round(8 * SyntheticSession.FS));
      assertThat(kept).containsExactly(java.util.Arrays.copyOf(all, kept.length));
    }
    double[] times = first.landmarks().timesSeconds();
    double end = whole.clock().toLandmarkTime(8);
    assertThat(times[times.length - 1]).isLessThanOrEqualTo(end);
    int next = times.length;
    assertThat(whole.landmarks().timesSeconds()[next]).isGreaterThan(end);
    assertThat(first.landmarks().frames()[next - 1]).isEqualTo(whole.landmarks().frames()[next - 1]);
    assertThat(whole.firstSeconds(60).signals().channel(0).samples()).hasSize(whole.signals().channel(0)
        .samples().length);
  }
}
