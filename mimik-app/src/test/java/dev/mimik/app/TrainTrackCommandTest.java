package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimik.app.serve.LiveTracker;
import dev.mimik.app.serve.TrackedFrame;
import dev.mimik.app.serve.WsClient;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.LandmarkFormats;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.bioface.BlinkModel;
import dev.mimik.learn.bioface.SessionSignals;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.signal.blink.BlinkDetector;
import dev.mimik.track.RecordingTracker;
import dev.mimik.track.TrackedRecording;
import dev.mimik.track.TrackingRecipe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
    // 18 s sessions keep the tests small and are too short for --sync auto: the lab's conditions give the clocks
    CapturedRun.Result sim = CapturedRun.run("simulate", "--out", data.toString(), "--participants", "1",
        "--sessions-per-participant", "2", "--minutes", "0.3", "--seed", "3", "--montage", "earpiece",
        "--conditions", "controlled");
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
  void fiftyThreePointsTrainAndTrackWithThePupilsScoredApart() throws Exception {
    Path session = data.resolve("p01/s02");
    assertThat(Files.readAllLines(session.resolve("landmarks.csv")).get(0)).contains("eye_lmk_x_0", "eye_lmk_y_55");
    Path model53 = dir.resolve("pupils.mimik");
    CapturedRun.Result train = CapturedRun.run("train", "--manifest", data.resolve("manifest.csv").toString(),
        "--out", model53.toString(), "--epochs", "1", "--landmarks", "53");
    assertThat(train.exitCode()).as(train.err()).isZero();
    Path out = dir.resolve("tracked53");
    CapturedRun.Result r = CapturedRun.run("track", "--model", model53.toString(), "--signals",
        session.resolve("signals.edf").toString(), "--out", out.toString(), "--truth",
        session.resolve("truth/landmarks.csv").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("pupil_nme_percent");
    List<String> lines = Files.readAllLines(out.resolve("landmarks.csv"));
    assertThat(lines.get(0).split(",", -1)).hasSize(1 + 2 * 70);
    String[] last = lines.get(lines.size() - 1).split(",", -1);
    assertThat(Double.parseDouble(last[1 + 2 * 68])).as("x68").isFinite();
    assertThat(Double.parseDouble(last[1 + 2 * 69 + 1])).as("y69").isFinite();
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.path("pupil_nme_percent").asDouble()).isPositive().isLessThan(100);
    assertThat(metrics.path("excluded_landmarks")).hasSize(17);
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
  void autoSyncRefusesLandmarksThatDoNotBelongToTheSignalsNamingTheSessionAndTheFigures() throws Exception {
    Path manifest = data.resolve("crossed.csv");
    Files.writeString(manifest, "signals,landmarks,participant\np01/s01/signals.edf,p01/s02/landmarks.csv,p01\n");
    Path out = dir.resolve("crossed.mimik");
    CapturedRun.Result r = CapturedRun.run("train", "--manifest", manifest.toString(), "--out", out.toString(),
        "--epochs", "1", "--sync", "auto");
    assertBadInput(r, data.resolve("p01/s01/signals.edf"), out);
    assertThat(r.err()).contains("no clear clock offset").contains("peak correlation").contains("runner-up");
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
    // half-minute sessions keep the test small, too short for --sync auto to find their clocks: the lab's
    CapturedRun.Result r = CapturedRun.run("demo", "--minutes", "0.5", "--epochs", "2", "--out", out.toString(),
        "--conditions", "controlled");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("per-participant").contains("cross-participant").contains("nme_percent");
    assertThat(Files.readString(out.resolve("report.html"))).contains("Held-out sessions");
    assertThat(out.resolve("track/face.glb")).exists();
    assertThat(out.resolve("track/metrics.json")).exists();
    assertThat(out.resolve("models/p01.mimik")).exists();
  }

  /**
   * No command floods its error stream: {@code mimik track} in its own process (native libraries write to the
   * process's stderr, not to Java's), every line it prints to stderr printed once. PyTorch 2.7 on CPUs where NNPACK
   * cannot start printed one warning per convolution, tens of thousands of lines a run.
   */
  @Test
  void trackPrintsNoLineTwiceOnItsErrorStream() throws Exception {
    Path out = dir.resolve("tracked-quietly");
    Process p = MimikProcess.command("track", "--model", model.toString(), "--signals",
        data.resolve("p01/s02/signals.edf").toString(), "--out", out.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    List<String> err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(p.waitFor()).as(String.join("\n", err)).isZero();
    Map<String, Long> counts = err.stream().collect(Collectors.groupingBy(l -> l, Collectors.counting()));
    assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getValue() + " x " + e.getKey()))
        .as("repeated lines on stderr").isEmpty();
  }

  /**
   * The live eyes are {@code track}'s: serve's pipeline (the detector on a sliding buffer, each frame held until its
   * closure is decided) closes the eyes where the detector on the whole recording ({@code track --offline}) does,
   * and the rig's lids follow.
   */
  @Test
  void serveClosesTheEyesWhereTheDetectorOnTheWholeRecordingDoes() throws Exception {
    Path session = data.resolve("p01/s02");
    Signal signal = SignalFormats.standard().read(session.resolve("signals.edf"));
    try (TrackingModel trained = TrackingModel.load(model)) {
      // a detector on the channel and sign the simulated earpiece shows blinks on, whether or not 0.3 minutes of
      // camera were enough to calibrate one
      BlinkModel blinks = trained.blinks().orElse(new BlinkModel(trained.frontEnd().channels().get(0),
          BlinkDetector.standard().withPositive(true).calibrated(3, 0.3), 1, 1, 1));
      TrackingModel m = new TrackingModel(trained.network(), trained.frontEnd(), trained.landmarkFrame(),
          Optional.of(blinks), Optional.empty());
      double[][] samples = SessionSignals.select(signal, m.frontEnd(), session, w -> { });
      LiveTracker live = new LiveTracker(m, EmbeddedRig.load(), signal.startTimeSeconds(), "test");
      List<TrackedFrame> frames = new ArrayList<>();
      live.start(frames::add);
      int block = RecordingTracker.blockSamples(m.frontEnd());
      for (int from = 0; from < samples[0].length; from += block) {
        double[][] chunk = new double[samples.length][];
        for (int c = 0; c < chunk.length; c++) {
          chunk[c] = Arrays.copyOfRange(samples[c], from, Math.min(samples[0].length, from + block));
        }
        live.accept(from, chunk);
      }
      live.end();
      TrackedRecording offline = RecordingTracker.track(m, signal, session, null,
          TrackingRecipe.causal().withOffline(true), w -> { }, p -> { });
      double[] closure = offline.eogClosure();
      int blink = Blendshapes.indexOf("eyeBlinkLeft");
      int agree = 0;
      int closed = 0;
      double lidsClosed = 0;
      double lidsOpen = 0;
      for (TrackedFrame frame : frames) {
        int f = (int) Math.round((frame.t() - offline.times()[0]) * 30);
        boolean c = frame.leftClosed() >= 0.5;
        agree += c == closure[f] >= 0.5 ? 1 : 0;
        closed += c ? 1 : 0;
        lidsClosed += c ? frame.blendshapes()[blink] : 0;
        lidsOpen += c ? 0 : frame.blendshapes()[blink];
        assertThat(frame.rightClosed()).isEqualTo(frame.leftClosed());
      }
      assertThat(closed).as("closed frames").isGreaterThan(10);
      // an 18 s session: the edges of one blink decided apart are 2 % of its frames
      assertThat(agree / (double) frames.size()).isGreaterThan(0.97);
      assertThat(lidsClosed / closed).as("the rig's eyeBlink while closed").isGreaterThan(
          lidsOpen / (frames.size() - closed) + 0.4);
    }
  }

  @Test
  void benchTrackTimesAGivenModelOnAGivenRecording() {
    CapturedRun.Result r = CapturedRun.run("bench", "track", "--model", model.toString(), "--signals",
        data.resolve("p01/s02/signals.edf").toString(), "--warmup", "5", "--threads", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("5 warm-up frames").contains("1 pytorch thread(s)").contains("targets:")
        .contains("network").contains("eyes").contains("fit").contains("frames/s");
  }

  /**
   * The live face is the tracked face: {@code mimik serve --replay}, a real server in its own process, streams over
   * its WebSocket the blendshapes (and landmarks) {@code mimik track} writes for the same recording, to 1e-6.
   */
  @Test
  void serveReplayStreamsTheBlendshapesTrackWrites() throws Exception {
    Path signals = data.resolve("p01/s02/signals.edf");
    Path out = dir.resolve("tracked-for-live");
    CapturedRun.Result r = CapturedRun.run("track", "--model", model.toString(), "--signals", signals.toString(),
        "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    BlendshapeTrack tracked = BlendshapeCsv.read(out.resolve("blendshapes.csv"));
    LandmarkTrack landmarks = LandmarkFormats.standard().read(out.resolve("landmarks.csv"));

    try (MimikProcess server = MimikProcess.start(MimikProcess.command("serve", "--model", model.toString(),
        "--replay", signals.toString(), "--port", "0", "--speed", "4"))) {
      int port = server.awaitLoopbackPort();
      HttpClient http = HttpClient.newHttpClient();
      List<JsonNode> frames = new ArrayList<>();
      try (WsClient ws = WsClient.open(http, port, "/ws/frames")) {
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        long deadline = System.nanoTime() + 120_000_000_000L;
        boolean ended = false;
        while (!ended && System.nanoTime() < deadline) {
          ended = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body()
              .contains("\"source_ended\":true");
          String message;
          while ((message = ws.next(0)) != null) {
            frames.add(new ObjectMapper().readTree(message));
          }
          Thread.sleep(100);
        }
        String message;
        while ((message = ws.next(1)) != null) {
          frames.add(new ObjectMapper().readTree(message));
        }
        assertThat(ended).as("the replay ended").isTrue();
      }
      assertThat(frames.size()).as("frames streamed").isGreaterThan(tracked.frameCount() * 3 / 4);
      int[] ibug = LandmarkSet.IBUG_51.ibugIndices();
      double worst = 0;
      for (JsonNode frame : frames) {
        double t = frame.get("t").doubleValue();
        int f = (int) Math.round((t - tracked.timesSeconds()[0]) * 30);
        assertThat(tracked.timesSeconds()[f]).isCloseTo(t, within(1e-9));
        for (int k = 0; k < Blendshapes.ARKIT_52.size(); k++) {
          double w = frame.get("blendshapes").get(Blendshapes.ARKIT_52.get(k)).doubleValue();
          worst = Math.max(worst, Math.abs(w - tracked.weights()[f][k]));
        }
        JsonNode points = frame.get("landmarks");
        for (int i = 0; i < ibug.length; i++) {
          assertThat(points.get(i).get(0).doubleValue()).isCloseTo(landmarks.x(f, ibug[i]), within(1e-4));
          assertThat(points.get(i).get(1).doubleValue()).isCloseTo(landmarks.y(f, ibug[i]), within(1e-4));
        }
      }
      assertThat(worst).as("largest blendshape difference").isLessThanOrEqualTo(1e-6);
    }
  }
}
