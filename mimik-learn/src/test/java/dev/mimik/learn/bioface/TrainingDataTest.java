package dev.mimik.learn.bioface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.io.BadInputException;
import dev.mimik.signal.sync.ClockMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingDataTest {

  private static final double OFFSET = 1.3;
  private static final LandmarkSet SET = SyntheticSession.SET;

  /** Inner-lip opening (point 66 below point 62) of an aligned target. */
  private static double opening(float[] target) {
    int top = SET.positionOf(62);
    int bottom = SET.positionOf(66);
    return target[2 * bottom + 1] - target[2 * top + 1];
  }

  /** Whether the EMG envelope of channel A at the end of the window says "burst". */
  private static boolean burst(float[][] window) {
    return window[0][window[0].length - 1] > 2.8;
  }

  /** Near a mouth transition (within the envelope and a frame), where either label is fair. */
  private static boolean nearTransition(double t) {
    for (double dt = -0.08; dt <= 0.08; dt += 0.005) {
      if (SyntheticSession.mouthOpen(t + dt) != SyntheticSession.mouthOpen(t)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void framesLineUpWithTheBiosignalsThroughTheClockOffset() {
    Session s = SyntheticSession.session(0, 8, OFFSET, 11);
    TrainingData data = TrainingData.build(List.of(s), SyntheticSession.FRONT_END, SET, null, w -> {});
    assertThat(data.size()).isBetween(225, 235); // 8 s at 30 fps less the first 0.2 s window
    assertThat(data.session()).containsOnly(0);
    assertThat(data.times()[0] - OFFSET).as("first frame with a full 0.2 s window").isBetween(0.198, 0.2 + 1 / 30.0);
    double closed = Double.MAX_VALUE;
    for (float[] t : data.targets()) {
      closed = Math.min(closed, opening(t));
    }
    int checked = 0;
    for (int f = 0; f < data.size(); f++) {
      double biosignalTime = data.times()[f] - OFFSET;
      boolean open = opening(data.targets()[f]) > closed + 5; // 12 px drop = 10 aligned units
      if (SyntheticSession.mouthOpen(biosignalTime - 1e-9) != SyntheticSession.mouthOpen(biosignalTime + 1e-9)) {
        continue; // a frame exactly on a transition: clock arithmetic may round either way
      }
      assertThat(open).as("landmarks of frame %d at %s s", f, biosignalTime)
          .isEqualTo(SyntheticSession.mouthOpen(biosignalTime));
      if (!nearTransition(biosignalTime)) {
        assertThat(burst(data.windows()[f])).as("window of frame %d at %s s", f, biosignalTime).isEqualTo(open);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(150);

    // the same recording with the offset ignored pairs landmarks with the wrong windows
    Session wrong = new Session(s.name(), s.participant(), s.signals(), s.landmarks(), ClockMapping.identity(),
        s.source());
    TrainingData shifted = TrainingData.build(List.of(wrong), SyntheticSession.FRONT_END, SET, data.frame(), w -> {});
    int agree = 0;
    for (int f = 0; f < shifted.size(); f++) {
      agree += (opening(shifted.targets()[f]) > closed + 5) == burst(shifted.windows()[f]) ? 1 : 0;
    }
    assertThat(agree / (double) shifted.size()).isLessThan(0.8);
  }

  @Test
  void ofSessionKeepsOnlyThatSessionsFrames() {
    TrainingData data = TrainingData.build(List.of(SyntheticSession.session(0, 3, 0, 1),
        SyntheticSession.session(0, 4, 0.5, 2)), SyntheticSession.FRONT_END, SET, null, w -> {});
    TrainingData second = data.ofSession(1);
    assertThat(second.session()).containsOnly(1);
    assertThat(data.ofSession(0).size() + second.size()).isEqualTo(data.size());
    assertThat(second.times()[0]).isCloseTo(0.5 + 0.2, within(1 / 30.0));
  }

  @Test
  void landmarksThatMissTheBiosignalsAreRefusedNamingTheFile() {
    Session s = SyntheticSession.session(0, 3, 0, 1);
    Session late = new Session(s.name(), s.participant(), s.signals(), s.landmarks(), ClockMapping.ofOffset(-10),
        s.source());
    assertThatThrownBy(() -> TrainingData.build(List.of(late), SyntheticSession.FRONT_END, SET, null, w -> {}))
        .isInstanceOf(BadInputException.class).hasMessageContaining("synthetic.edf").hasMessageContaining("offset");
  }

  @Test
  void onCommonMeanFaceKeepsEachPersonsExpressionsAndGivesEveryoneThePopulationsMeanFace() {
    float[][] targets = {{1, 2}, {3, 4}, {10, 20}, {30, 40}, {50, 60}};
    float[][][] windows = new float[5][1][1];
    TrainingData data = new TrainingData(null, windows, targets, new int[] {0, 0, 1, 2, 2}, new double[5]);
    // sessions 0 and 2 are one person's, session 1 another's
    TrainingData moved = data.onCommonMeanFace(new int[] {0, 1, 0});
    // person 0: frames 0, 1, 3, 4, mean (21, 26.5); person 1: frame 2, mean (10, 20); all frames' mean (18.8, 25.2)
    float[][] expected = {{-20 + 18.8f, -24.5f + 25.2f}, {-18 + 18.8f, -22.5f + 25.2f}, {18.8f, 25.2f},
        {9 + 18.8f, 13.5f + 25.2f}, {29 + 18.8f, 33.5f + 25.2f}};
    for (int f = 0; f < 5; f++) {
      assertThat(moved.targets()[f][0]).isCloseTo(expected[f][0], within(1e-4f));
      assertThat(moved.targets()[f][1]).isCloseTo(expected[f][1], within(1e-4f));
    }
    assertThat(moved.windows()).isSameAs(windows);
    assertThat(moved.session()).containsExactly(0, 0, 1, 2, 2);
  }
}
