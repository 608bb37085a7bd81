package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.learn.pipeline.SessionSignals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mimik simulate} -> {@code train} -> {@code track} on a tiny dataset, and the bad inputs of the two. */
class TrainTrackCommandTest {

  @TempDir static Path dir;
  static Path data;
  static Path model;

  @BeforeAll
  static void simulateAndTrain() {
    data = dir.resolve("sim");
    CapturedRun.Result sim = CapturedRun.run("simulate", "--out", data.toString(), "--participants", "1",
        "--sessions-per-participant", "2", "--minutes", "0.3", "--seed", "3", "--montage", "earpiece");
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    model = dir.resolve("me.mimik");
    CapturedRun.Result train = CapturedRun.run("train", "--manifest", data.resolve("manifest.csv").toString(),
        "--out", model.toString(), "--epochs", "2");
    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(train.out()).contains("wrote").contains("2 sessions").contains("validation NME");
    assertThat(model).exists();
    assertThat(model.resolveSibling("me.mimik.checkpoint")).doesNotExist();
  }

  private static void assertBadInput(CapturedRun.Result r, Path named, Path outDir) {
    String text = r.err().strip();
    assertThat(r.exitCode()).as(text).isEqualTo(2);
    assertThat(text.lines().count()).as(text).isEqualTo(1);
    assertThat(text).contains(named.toString());
    if (outDir != null) {
      assertThat(outDir).doesNotExist();
    }
  }

  @Test
  void trackWritesEveryOutputWithMetricsAgainstTheTruth() throws Exception {
    Path session = data.resolve("p01/s02");
    Path out = dir.resolve("tracked");
    CapturedRun.Result r = CapturedRun.run("track", "--model", model.toString(), "--signals",
        session.resolve("signals.edf").toString(), "--out", out.toString(), "--truth",
        session.resolve("truth/landmarks.csv").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("tracked").contains("nme_percent");

    List<String> lines = Files.readAllLines(out.resolve("landmarks.csv"));
    String[] header = lines.get(0).split(",", -1);
    assertThat(header).hasSize(1 + 2 * 68);
    assertThat(header[0]).isEqualTo("time_s");
    assertThat(lines.size() - 1).as("frames: 0.3 min at 30 fps").isBetween(530, 541);
    String[] last = lines.get(lines.size() - 1).split(",", -1);
    assertThat(last).hasSize(1 + 2 * 68);
    for (int i = 1; i <= 2 * 17; i++) {
      assertThat(last[i]).as("jaw column %s", header[i]).isEmpty();
    }
    for (int i = 2 * 17 + 1; i < last.length; i++) {
      assertThat(Double.parseDouble(last[i])).as(header[i]).isFinite();
    }

    List<String> shapes = Files.readAllLines(out.resolve("blendshapes.csv"));
    String[] names = shapes.get(0).split(",");
    assertThat(names[0]).isEqualTo("time_s");
    assertThat(List.of(names).subList(1, names.length)).isEqualTo(Blendshapes.ARKIT_52);
    assertThat(shapes).hasSize(lines.size());
    for (String row : shapes.subList(1, shapes.size())) {
      String[] cells = row.split(",");
      for (int i = 1; i < cells.length; i++) {
        assertThat(Double.parseDouble(cells[i])).isBetween(0.0, 1.0);
      }
    }
    byte[] glb = Files.readAllBytes(out.resolve("face.glb"));
    assertThat(new String(glb, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("glTF");
    assertThat(Files.readString(out.resolve("report.html"))).contains("<html").contains("Blendshapes");
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.path("nme_percent").asDouble()).isPositive().isLessThan(100);
    assertThat(metrics.path("frames").asInt()).isPositive();
    assertThat(metrics.path("eye_state_accuracy").asDouble()).isBetween(0.0, 1.0);
    assertThat(metrics.path("eye_state_f1").asDouble()).isBetween(0.0, 1.0);
    assertThat(metrics.path("eye_state_frames").asInt()).isPositive();
    assertThat(metrics.path("mouth_closure_accuracy").asDouble()).isBetween(0.0, 1.0);
    assertThat(metrics.path("eye_region_mesh_error_median_mm").asDouble()).isPositive();
    assertThat(Files.readString(out.resolve("report.html"))).contains("Closure probability per eye");
  }

  @Test
  void evalScoresThePerfectFacePerfectly() throws Exception {
    Path truth = data.resolve("p01/s02/truth");
    CapturedRun.Result r = CapturedRun.run("eval", "--pred", truth.resolve("landmarks.csv").toString(), "--truth",
        truth.resolve("landmarks.csv").toString(), "--blendshapes", truth.resolve("blendshapes.csv").toString(),
        "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode m = new ObjectMapper().readTree(r.out());
    assertThat(m.path("eye_state_accuracy").asDouble()).isEqualTo(1.0);
    assertThat(m.path("eye_state_f1").asDouble()).isEqualTo(1.0);
    assertThat(m.path("mouth_closure_accuracy").asDouble()).isEqualTo(1.0);
    assertThat(m.path("eye_region_mesh_error_mean_mm").asDouble()).isLessThan(1e-3);
    assertThat(m.path("mouth_region_mesh_error_mean_mm").asDouble()).isLessThan(1e-3);
    assertThat(m.path("blinks").asInt()).isPositive();
    assertThat(m.path("blinks_reproduced").asInt()).isEqualTo(m.path("blinks").asInt());
    // the metric's onset is the first frame whose aperture is under 90 %: the truth itself is 0.5-1.5 frames late
    assertThat(m.path("blink_onset_error_frames_median").asDouble()).isBetween(0.0, 1.5);
    assertThat(m.path("blinks_within_2_frames").asDouble()).isEqualTo(1.0);
  }

  @Test
  void aRecordingWithoutTheModelsChannelsIsRefusedNamingIt() throws Exception {
    Path signals = dir.resolve("other-channels.csv");
    StringBuilder sb = new StringBuilder("time_s,X1,X2\n");
    for (int i = 0; i < 3000; i++) {
      sb.append(String.format(Locale.ROOT, "%.3f,%d,%d%n", i / 1000.0, i % 7, i % 5));
    }
    Files.writeString(signals, sb);
    Path out = dir.resolve("no-channel");
    assertBadInput(CapturedRun.run("track", "--model", model.toString(), "--signals", signals.toString(), "--out",
        out.toString()), signals, out);
  }

  @Test
  void aCorruptModelFileIsRefusedNamingIt() throws Exception {
    Path corrupt = dir.resolve("corrupt.mimik");
    byte[] bytes = Files.readAllBytes(model);
    Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    Path out = dir.resolve("corrupt-out");
    assertBadInput(CapturedRun.run("track", "--model", corrupt.toString(), "--signals",
        data.resolve("p01/s02/signals.edf").toString(), "--out", out.toString()), corrupt, out);
  }

  @Test
  void aManifestWithABadOffsetIsRefusedNamingIt() throws Exception {
    Path manifest = data.resolve("bad-offset.csv");
    Files.writeString(manifest, "signals,landmarks,participant,offset_s\np01/s01/signals.edf,p01/s01/landmarks.csv,p01,"
        + "soon\n");
    Path out = dir.resolve("bad-offset.mimik");
    assertBadInput(CapturedRun.run("train", "--manifest", manifest.toString(), "--out", out.toString(), "--epochs",
        "1"), manifest, out);
  }

  @Test
  void sessionsWhoseClocksDoNotOverlapAreRefusedNamingTheFile() throws Exception {
    Path manifest = data.resolve("far-offset.csv");
    Files.writeString(manifest, "signals,landmarks,offset_s\np01/s01/signals.edf,p01/s01/landmarks.csv,3600\n");
    Path out = dir.resolve("far.mimik");
    assertBadInput(CapturedRun.run("train", "--manifest", manifest.toString(), "--out", out.toString(), "--epochs",
        "1"), data.resolve("p01/s01/landmarks.csv"), out);
  }

  @Test
  void demoRunsTheWholeLoopAndWritesItsReport() throws Exception {
    Path out = dir.resolve("demo");
    CapturedRun.Result r = CapturedRun.run("demo", "--minutes", "0.5", "--epochs", "2", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("per-participant").contains("cross-participant").contains("nme_percent");
    assertThat(Files.readString(out.resolve("report.html"))).contains("Held-out sessions");
    assertThat(out.resolve("track/face.glb")).exists();
    assertThat(out.resolve("track/metrics.json")).exists();
    assertThat(out.resolve("models/p01.mimik")).exists();
  }

  @Test
  void serveClosesTheEyesWhereTrackDoesAfterTheDetectorsDelay() throws Exception {
    Path session = data.resolve("p01/s02");
    dev.mimik.core.data.Signal signal = dev.mimik.core.io.SignalFormats.standard().read(session.resolve("signals.edf"));
    try (dev.mimik.learn.pipeline.TrackingModel trained = dev.mimik.learn.pipeline.TrackingModel.load(model)) {
      // a detector on the channel and sign the simulated earpiece shows blinks on, whether or not 0.3 minutes of
      // camera were enough to calibrate one
      dev.mimik.learn.pipeline.BlinkModel blinks = trained.blinks().orElse(new dev.mimik.learn.pipeline.BlinkModel(
          trained.frontEnd().channels().get(0), dev.mimik.signal.blink.BlinkDetector.standard().withPositive(true)
              .calibrated(3, 0.3), 1, 1, 1));
      var m = new dev.mimik.learn.pipeline.TrackingModel(trained.network(), trained.frontEnd(),
          trained.landmarkFrame(), java.util.Optional.of(blinks));
      double[][] samples = dev.mimik.learn.pipeline.SessionSignals.select(signal, m.frontEnd(), session, w -> { });
      dev.mimik.app.serve.LiveTracker live = new dev.mimik.app.serve.LiveTracker(m,
          dev.mimik.face.rig.embedded.EmbeddedRig.load(), TrackRun.assumedCamera(m), "test");
      List<dev.mimik.app.serve.TrackedFrame> frames = new ArrayList<>();
      live.start(new dev.mimik.app.serve.FrameSource.Listener() {
        @Override
        public void onFrame(dev.mimik.app.serve.TrackedFrame frame) {
          frames.add(frame);
        }

        @Override
        public void onEnd(String why) { }
      });
      int block = (int) Math.round(m.frontEnd().samplingRateHz() / 30);
      for (int from = 0; from + block <= samples[0].length; from += block) {
        double[][] chunk = new double[samples.length][];
        for (int c = 0; c < chunk.length; c++) {
          chunk[c] = java.util.Arrays.copyOfRange(samples[c], from, from + block);
        }
        live.accept(from, chunk);
      }
      double delay = new dev.mimik.learn.pipeline.LiveBlinks(blinks, m.frontEnd()).delaySeconds();
      double[] shown = frames.stream().mapToDouble(f -> f.t() - delay).toArray();
      double[] offline = EyeTracking.estimate(m, new dev.mimik.core.data.LandmarkTrack(shown, 0,
          new double[shown.length][0], new boolean[shown.length]), SessionSignals.eogBand(signal, m.frontEnd(),
          session, w -> { }), signal.startTimeSeconds()).eogClosure();
      int blink = dev.mimik.core.data.Blendshapes.indexOf("eyeBlinkLeft");
      int agree = 0;
      int closed = 0;
      double lidsClosed = 0;
      double lidsOpen = 0;
      for (int f = 0; f < frames.size(); f++) {
        dev.mimik.app.serve.TrackedFrame frame = frames.get(f);
        boolean c = frame.leftClosed() >= 0.5;
        agree += c == offline[f] >= 0.5 ? 1 : 0;
        closed += c ? 1 : 0;
        lidsClosed += c ? frame.blendshapes()[blink] : 0;
        lidsOpen += c ? 0 : frame.blendshapes()[blink];
        assertThat(frame.rightClosed()).isEqualTo(frame.leftClosed());
      }
      assertThat(closed).as("closed frames").isGreaterThan(10);
      assertThat(agree / (double) frames.size()).isGreaterThan(0.98);
      assertThat(lidsClosed / closed).as("the rig's eyeBlink while closed").isGreaterThan(
          lidsOpen / (frames.size() - closed) + 0.4);
    }
  }

  @Test
  void benchTrackTimesAGivenModelOnAGivenRecording() {
    CapturedRun.Result r = CapturedRun.run("bench", "track", "--model", model.toString(), "--signals",
        data.resolve("p01/s02/signals.edf").toString(), "--warmup", "5");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("frames timed after 5 warm-up frames").contains("issue 5 targets");
  }

  @Test
  void serveReplayTracksLiveExactlyAsTrackDoes() throws Exception {
    Path session = data.resolve("p01/s02");
    Path out = dir.resolve("tracked-for-live");
    CapturedRun.Result r = CapturedRun.run("track", "--model", model.toString(), "--signals",
        session.resolve("signals.edf").toString(), "--out", out.toString(), "--no-3d");
    assertThat(r.exitCode()).as(r.err()).isZero();
    dev.mimik.core.data.LandmarkTrack offline = dev.mimik.core.io.LandmarkFormats.standard()
        .read(out.resolve("landmarks.csv"));

    try (dev.mimik.learn.pipeline.TrackingModel m = dev.mimik.learn.pipeline.TrackingModel.load(model)) {
      dev.mimik.app.serve.LiveTracker live = new dev.mimik.app.serve.LiveTracker(m,
          dev.mimik.face.rig.embedded.EmbeddedRig.load(), TrackRun.assumedCamera(m), "test");
      double[][] samples = dev.mimik.learn.pipeline.SessionSignals.select(
          dev.mimik.core.io.SignalFormats.standard().read(session.resolve("signals.edf")), m.frontEnd(), session,
          w -> { });
      List<dev.mimik.app.serve.TrackedFrame> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
      dev.mimik.app.serve.SignalReplaySource replay = new dev.mimik.app.serve.SignalReplaySource(live, samples,
          m.frontEnd().samplingRateHz(), 50, false, "test");
      replay.start(new dev.mimik.app.serve.FrameSource.Listener() {
        @Override
        public void onFrame(dev.mimik.app.serve.TrackedFrame frame) {
          frames.add(frame);
        }

        @Override
        public void onEnd(String why) {
          ended.countDown();
        }
      });
      assertThat(ended.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(frames.size()).isGreaterThan(400);
      int[] ibug = m.landmarkFrame().set().ibugIndices();
      for (dev.mimik.app.serve.TrackedFrame frame : frames) {
        int f = (int) Math.round(frame.t() * 30) - (int) Math.round(offline.timesSeconds()[0] * 30);
        assertThat(frame.landmarks().length).isEqualTo(ibug.length);
        for (int i = 0; i < ibug.length; i++) {
          assertThat(frame.landmarks()[i][0]).isCloseTo(offline.x(f, ibug[i]), org.assertj.core.api.Assertions.within(1e-3));
          assertThat(frame.landmarks()[i][1]).isCloseTo(offline.y(f, ibug[i]), org.assertj.core.api.Assertions.within(1e-3));
        }
        for (double w : frame.blendshapes()) {
          assertThat(w).isBetween(0.0, 1.0);
        }
        assertThat(frame.latencyMs()).isPositive();
      }
    }
  }
}
