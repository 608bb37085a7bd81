package dev.mimik.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlendshapeReplaySourceTest {

  @Test
  void playsEveryFrameInOrderThenReportsTheEnd() throws Exception {
    BlendshapeTrack track = Fixtures.track(60, 30, 3);
    List<TrackedFrame> got = new CopyOnWriteArrayList<>();
    CountDownLatch ended = new CountDownLatch(1);
    String[] why = new String[1];
    try (BlendshapeReplaySource source = new BlendshapeReplaySource(track, 20, false, "test.csv")) {
      source.start(new FrameSource.Listener() {
        @Override
        public void onFrame(TrackedFrame frame) {
          got.add(frame);
        }

        @Override
        public void onEnd(String reason) {
          why[0] = reason;
          ended.countDown();
        }
      });
      assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(got).hasSize(60);
    assertThat(why[0]).contains("test.csv").contains("ended after 60 frames");
    int blinkL = Blendshapes.indexOf("eyeBlinkLeft");
    for (int f = 0; f < 60; f++) {
      TrackedFrame frame = got.get(f);
      assertThat(frame.t()).isEqualTo(track.timesSeconds()[f]);
      assertThat(frame.blendshapes()).containsExactly(track.weights()[f]);
      assertThat(frame.leftClosed()).isEqualTo(track.weights()[f][blinkL]);
      assertThat(frame.landmarks()).isEmpty();
      assertThat(frame.latencyMs()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void loopingGoesOnPastTheEndAndStopEndsIt() throws Exception {
    BlendshapeTrack track = Fixtures.track(10, 30, 4);
    CountDownLatch frames = new CountDownLatch(25);
    BlendshapeReplaySource source = new BlendshapeReplaySource(track, 50, true, "loop.csv");
    source.start(frame -> frames.countDown());
    assertThat(frames.await(10, TimeUnit.SECONDS)).isTrue();
    source.stop();
    source.stop();
  }

  @Test
  void shapesInAnyOrderArePutInArkitOrderAndAbsentOnesAreZero() {
    BlendshapeTrack two = new BlendshapeTrack(new double[] {0, 0.1}, List.of("jawOpen", "eyeBlinkLeft"),
        new double[][] {{0.5, 0.25}, {0.75, 1}});
    BlendshapeTrack arkit = BlendshapeReplaySource.inArkitOrder(two);
    assertThat(arkit.names()).isEqualTo(Blendshapes.ARKIT_52);
    assertThat(arkit.weights()[1][Blendshapes.indexOf("jawOpen")]).isEqualTo(0.75);
    assertThat(arkit.weights()[1][Blendshapes.indexOf("eyeBlinkLeft")]).isEqualTo(1.0);
    assertThat(arkit.weights()[1][Blendshapes.indexOf("tongueOut")]).isZero();
    BlendshapeTrack ict = new BlendshapeTrack(new double[] {0}, List.of("eyeBlink_L"), new double[][] {{1}});
    assertThatThrownBy(() -> BlendshapeReplaySource.inArkitOrder(ict))
        .hasMessage("'eyeBlink_L' is not an ARKit blendshape name");
  }

  @Test
  void speedMustBePositive() {
    BlendshapeTrack track = Fixtures.track(2, 30, 1);
    assertThatThrownBy(() -> new BlendshapeReplaySource(track, 0, false, "x")).hasMessageContaining("speed");
  }
}
