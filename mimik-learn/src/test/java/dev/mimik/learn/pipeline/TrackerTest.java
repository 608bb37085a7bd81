package dev.mimik.learn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.face.smooth.KalmanSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrackerTest {

  @Test
  void trackerFedRandomBlocksGivesSignalTrackingsCausalResult() {
    TrackingModel model = SyntheticSession.trainedModel();
    double start = 0.5;
    Signal signal = SyntheticSession.signal(start, 5, SyntheticSession.FS, 21);
    List<Double> progress = new ArrayList<>();
    SignalTracking.Result whole = SignalTracking.track(model, signal, Path.of("s.edf"), false,
        KalmanSettings.defaults(), w -> {}, progress::add);
    LandmarkTrack expected = whole.landmarks();
    assertThat(progress).last().isEqualTo(1.0);

    Tracker tracker = new Tracker(model, start, KalmanSettings.defaults());
    double[] a = signal.channel("A").orElseThrow().samples();
    double[] b = signal.channel("B").orElseThrow().samples();
    Random r = new Random(5);
    List<Tracker.Frame> frames = new ArrayList<>();
    for (int from = 0; from < a.length; ) {
      int to = Math.min(a.length, from + 1 + r.nextInt(60));
      frames.addAll(tracker.pushRaw(new double[][] {Arrays.copyOfRange(a, from, to), Arrays.copyOfRange(b, from, to)}));
      from = to;
    }
    assertThat(frames).hasSize(expected.frameCount());
    assertThat(expected.frameCount()).isEqualTo(150); // frames 15/30 .. 164/30 s
    int points = model.landmarkFrame().set().size();
    assertThat(expected.pointCount()).isEqualTo(points);
    int firstFull = -1;
    for (int f = 0; f < frames.size(); f++) {
      Tracker.Frame frame = frames.get(f);
      assertThat(frame.timeSeconds()).isCloseTo((15 + f) / 30.0, within(1e-12));
      assertThat(expected.timesSeconds()[f]).isEqualTo(frame.timeSeconds());
      assertThat(expected.missing()[f]).isEqualTo(frame.landmarks() == null);
      if (frame.landmarks() != null) {
        firstFull = firstFull < 0 ? f : firstFull;
        assertThat(frame.landmarks()).hasSize(2 * points).containsExactly(expected.frames()[f], within(1e-9));
      }
    }
    // the first full 0.2 s window ends at or before the frame: 0.5 + 0.198 s -> frame at 0.7 s
    assertThat(frames.get(firstFull).timeSeconds()).isCloseTo(0.7, within(1e-9));
    assertThat(expected.missingCount()).isEqualTo(firstFull);
  }

  @Test
  void offlineTrackingCoversTheSameFramesAndStaysNearTheCausalResult() {
    TrackingModel model = SyntheticSession.trainedModel();
    Signal signal = SyntheticSession.signal(0, 4, SyntheticSession.FS, 8);
    LandmarkTrack causal = SignalTracking.track(model, signal, Path.of("s.edf"), false, KalmanSettings.defaults(),
        w -> {}, p -> {}).landmarks();
    LandmarkTrack offline = SignalTracking.track(model, signal, Path.of("s.edf"), true, KalmanSettings.defaults(),
        w -> {}, p -> {}).landmarks();
    assertThat(offline.timesSeconds()).containsExactly(causal.timesSeconds());
    assertThat(causal.missing()[0]).isTrue(); // no full window yet; the RTS smoother fills such frames offline
    double[] face = model.landmarkFrame().display().apply(model.landmarkFrame().reference());
    for (int f = 0; f < offline.frameCount(); f++) {
      if (!causal.missing()[f]) {
        assertThat(offline.missing()[f]).isFalse();
        for (int i = 0; i < face.length; i++) {
          assertThat(offline.frames()[f][i]).as("frame %d coordinate %d", f, i).isCloseTo(face[i], within(60.0));
        }
      }
    }
  }
}
