package dev.mimik.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalStream;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.face.smooth.KalmanSettings;
import dev.mimik.learn.bioface.BlinkModel;
import dev.mimik.learn.bioface.SyntheticSession;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.signal.blink.BlinkDetector;
import dev.mimik.track.stage.LiveBlinks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;


class TrackingPipelineTest {

  private static final Path FILE = Path.of("s.edf");

  /** The synthetic model with a blink detector on channel B, as if its training camera had seen blinks. */
  private static TrackingModel withBlinks() {
    TrackingModel m = SyntheticSession.trainedModel();
    BlinkModel blinks = new BlinkModel("B", BlinkDetector.standard().withPositive(true).calibrated(12, 0.3), 1, 1, 20);
    return new TrackingModel(m.network(), m.frontEnd(), m.landmarkFrame(), Optional.of(blinks),
        Optional.empty());
  }

  private static TrackingRecipe recipe(int identityFrames) {
    return new TrackingRecipe(false, KalmanSettings.defaults(), FaceFit.ELAM_LDL, identityFrames);
  }

  private static List<Frame> pushInRandomBlocks(TrackingPipeline pipeline, Signal signal, long seed) {
    double[] a = signal.channel("A").orElseThrow().samples();
    double[] b = signal.channel("B").orElseThrow().samples();
    Random r = new Random(seed);
    List<Frame> frames = new ArrayList<>();
    for (int from = 0; from < a.length; ) {
      int to = Math.min(a.length, from + 1 + r.nextInt(60));
      frames.addAll(pipeline.push(new double[][] {Arrays.copyOfRange(a, from, to), Arrays.copyOfRange(b, from, to)}));
      from = to;
    }
    frames.addAll(pipeline.finish());
    return frames;
  }

  @Test
  void blocksOfAnySizeGiveTheFramesOfTheRecordingTracker() {
    TrackingModel model = SyntheticSession.trainedModel();
    double start = 0.5;
    Signal signal = SyntheticSession.signal(start, 5, SyntheticSession.FS, 21);
    List<Double> progress = new ArrayList<>();
    TrackedRecording whole = RecordingTracker.track(model, signal, FILE, null, TrackingRecipe.causal(), w -> { },
        progress::add);
    LandmarkTrack expected = whole.landmarks();
    assertThat(progress).last().isEqualTo(1.0);

    List<Frame> frames = pushInRandomBlocks(TrackingRecipe.causal().build(model, null, start, null), signal, 5);
    assertThat(frames).hasSize(expected.frameCount());
    assertThat(expected.frameCount()).isEqualTo(150); // frames 15/30 .. 164/30 s
    int firstFull = -1;
    for (int f = 0; f < frames.size(); f++) {
      Frame frame = frames.get(f);
      assertThat(frame.timeSeconds()).isCloseTo((15 + f) / 30.0, within(1e-12));
      assertThat(expected.timesSeconds()[f]).isEqualTo(frame.timeSeconds());
      assertThat(expected.missing()[f]).isEqualTo(!frame.tracked());
      if (frame.tracked()) {
        firstFull = firstFull < 0 ? f : firstFull;
        assertThat(frame.landmarks()).containsExactly(expected.frames()[f], within(1e-9));
      }
    }
    // the first full 0.2 s window ends at or before the frame: 0.5 + 0.198 s -> frame at 0.7 s
    assertThat(frames.get(firstFull).timeSeconds()).isCloseTo(0.7, within(1e-9));
    assertThat(expected.missingCount()).isEqualTo(firstFull);
  }

  /** A recording read back in blocks of random sizes, as a file reader delivers it, with its channels reversed. */
  private static SignalStream inRandomBlocks(Signal signal, long seed) {
    List<Channel> reversed = new ArrayList<>(signal.channels());
    java.util.Collections.reverse(reversed);
    Random r = new Random(seed);
    return SignalStream.of(FILE, signal.withChannels(reversed), () -> 1 + r.nextInt(700));
  }

  /**
   * {@code mimik track} reads a file block by block: whatever blocks the file delivers, and in whatever order its
   * channels are, the frames (landmarks, eyes, blendshapes) are those of the recording tracked whole.
   */
  @Test
  void aRecordingStreamedInBlocksOfAnySizeGivesTheFramesOfTheWholeRecording() throws Exception {
    TrackingModel model = withBlinks();
    FaceRig rig = EmbeddedRig.load();
    Signal signal = SyntheticSession.signal(0.25, 5, SyntheticSession.FS, 13);
    TrackedRecording whole = RecordingTracker.track(model, signal, FILE, rig, recipe(10), w -> { }, p -> { });
    List<Frame> streamed = new ArrayList<>();
    List<String> names = new ArrayList<>();
    RecordingTracker.Streamed run = RecordingTracker.stream(model, inRandomBlocks(signal, 4), rig, recipe(10),
        w -> { }, p -> { }, names::addAll, streamed::add);
    assertThat(run.frames()).isEqualTo(whole.frames().size()).isEqualTo(streamed.size());
    assertThat(names).isEqualTo(whole.stageNames());
    assertThat(run.rest().identity()).containsExactly(whole.identity());
    for (int f = 0; f < streamed.size(); f++) {
      Frame a = whole.frames().get(f);
      Frame b = streamed.get(f);
      assertThat(b.timeSeconds()).isEqualTo(a.timeSeconds());
      assertThat(b.landmarks()).isEqualTo(a.landmarks());
      assertThat(b.blendshapes()).isEqualTo(a.blendshapes());
      assertThat(Double.valueOf(b.eogClosure())).isEqualTo(Double.valueOf(a.eogClosure())); // NaN before a decision
    }
    assertThat(streamed.stream().filter(Frame::tracked).count()).isGreaterThan(100);
  }

  @Test
  void offlineTrackingCoversTheSameFramesAndStaysNearTheCausalResult() {
    TrackingModel model = SyntheticSession.trainedModel();
    Signal signal = SyntheticSession.signal(0, 4, SyntheticSession.FS, 8);
    LandmarkTrack causal = RecordingTracker.track(model, signal, FILE, null, TrackingRecipe.causal(), w -> { },
        p -> { }).landmarks();
    LandmarkTrack offline = RecordingTracker.track(model, signal, FILE, null,
        TrackingRecipe.causal().withOffline(true), w -> { }, p -> { }).landmarks();
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

  /**
   * Live, a frame leaves only once the blink detector has decided its closure, so the whole face is that much behind
   * its samples; every frame still leaves exactly once, in order, with its eyes, fit and blendshapes.
   */
  @Test
  void theFaceWaitsForTheEyesAndEveryFrameLeavesOnceInOrder() {
    TrackingModel model = withBlinks();
    FaceRig rig = EmbeddedRig.load();
    Signal signal = SyntheticSession.signal(0, 4, SyntheticSession.FS, 3);
    TrackingPipeline pipeline = recipe(10).build(model, rig, 0, null);
    double delay = new LiveBlinks(model.blinks().orElseThrow(), model.frontEnd()).delaySeconds();
    double[] a = signal.channel("A").orElseThrow().samples();
    double[] b = signal.channel("B").orElseThrow().samples();
    int block = RecordingTracker.blockSamples(model.frontEnd());
    List<Frame> frames = new ArrayList<>();
    for (int from = 0; from < a.length; from += block) {
      int to = Math.min(a.length, from + block);
      List<Frame> out = pipeline.push(new double[][] {Arrays.copyOfRange(a, from, to), Arrays.copyOfRange(b, from, to)});
      double lastSample = (to - 1) / SyntheticSession.FS;
      for (Frame f : out) {
        assertThat(lastSample - f.timeSeconds()).as("frame at %.3f s", f.timeSeconds())
            .isGreaterThanOrEqualTo(delay - 1 / SyntheticSession.FS);
      }
      frames.addAll(out);
    }
    frames.addAll(pipeline.finish());
    assertThat(frames).hasSize((int) Math.floor((a.length - 1) / SyntheticSession.FS * 30) + 1);
    for (int f = 0; f < frames.size(); f++) {
      assertThat(frames.get(f).timeSeconds()).isCloseTo(f / 30.0, within(1e-9));
      if (frames.get(f).tracked()) {
        assertThat(frames.get(f).eyes()).hasSize(2);
        assertThat(frames.get(f).eogClosure()).isBetween(0.0, 1.0);
        assertThat(frames.get(f).fit()).isNotNull();
        assertThat(frames.get(f).blendshapes()).hasSize(52);
      }
    }
  }

  /**
   * The face shape is fitted on the first tracked frames before any of them is fitted with an expression: nothing
   * leaves the face fit until it has them, and then all of them leave, fitted with the same identity.
   */
  @Test
  void theIdentityIsFittedOnTheFirstFramesBeforeAnyExpression() {
    TrackingModel model = SyntheticSession.trainedModel();
    FaceRig rig = EmbeddedRig.load();
    Signal signal = SyntheticSession.signal(0, 3, SyntheticSession.FS, 4);
    TrackingPipeline pipeline = recipe(12).build(model, rig, 0, null);
    double[] a = signal.channel("A").orElseThrow().samples();
    double[] b = signal.channel("B").orElseThrow().samples();
    int block = RecordingTracker.blockSamples(model.frontEnd());
    List<Frame> frames = new ArrayList<>();
    int trackedIn = 0;
    for (int from = 0; from < a.length; from += block) {
      int to = Math.min(a.length, from + block);
      List<Frame> out = pipeline.push(new double[][] {Arrays.copyOfRange(a, from, to), Arrays.copyOfRange(b, from, to)});
      trackedIn = (int) Math.floor((to - 1) / SyntheticSession.FS * 30) + 1 - 6; // the first 6 frames lack a window
      if (frames.isEmpty() && !out.isEmpty()) {
        assertThat(trackedIn).as("tracked frames in when the first frame left").isGreaterThanOrEqualTo(12);
      }
      frames.addAll(out);
    }
    frames.addAll(pipeline.finish());
    double[] identity = pipeline.stage(dev.mimik.track.stage.FaceFitStage.class).orElseThrow().rest().identity();
    assertThat(Arrays.stream(identity).map(Math::abs).max().orElseThrow()).isGreaterThan(0);
    assertThat(frames.stream().filter(Frame::tracked).allMatch(f -> f.fit() != null)).isTrue();
  }

  @Test
  void everyStageIsTimedOnEveryTrackedFrame() {
    TrackingModel model = withBlinks();
    Signal signal = SyntheticSession.signal(0, 3, SyntheticSession.FS, 6);
    TrackedRecording r = RecordingTracker.track(model, signal, FILE, EmbeddedRig.load(), recipe(5), w -> { },
        p -> { });
    assertThat(r.stageNames()).containsExactly("filters", "network", "smoothing", "eyes", "fit");
    StageTimings t = r.timings();
    assertThat(t.frames()).isEqualTo((int) r.frames().stream().filter(Frame::tracked).count()).isPositive();
    for (String stage : r.stageNames()) {
      if (!stage.equals("filters")) {
        assertThat(Arrays.stream(t.of(stage)).allMatch(ms -> ms > 0)).as(stage).isTrue();
      }
    }
    assertThat(Arrays.stream(t.of("filters")).sum()).isPositive();
  }

  @Test
  void aRecordingShorterThanOneWindowIsRefusedWithItsName() {
    Signal signal = SyntheticSession.signal(0, 0.1, SyntheticSession.FS, 1);
    assertThatThrownBy(() -> RecordingTracker.track(SyntheticSession.trainedModel(), signal, FILE, null,
        TrackingRecipe.causal(), w -> { }, p -> { }))
        .isInstanceOf(BadInputException.class).hasMessageContaining("s.edf").hasMessageContaining("window");
  }
}
