package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimik.app.serve.WsClient;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.sim.ego.EgoLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headset path's outputs around the model, on a tiny simulated dataset and a tiny model: {@code ego track}'s
 * files, {@code bench ego}'s figures, and {@code serve --ego-replay}'s frames with their camera views.
 */
class EgoHeadsetCommandsTest {

  @TempDir static Path dir;
  private static Path data;
  private static Path model;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void simulateAndTrain() {
    data = dir.resolve("ego");
    CapturedRun.Result r = CapturedRun.run("ego", "simulate", "--out", data.toString(), "--subjects", "4",
        "--minutes", "0.05", "--domain", "both", "--width", "16", "--ict", dir.resolve("none").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path out = dir.resolve("train");
    CapturedRun.Result t = CapturedRun.run(EgoTrainCommandTest.args("ego", "train", "--data", data.toString(),
        "--out", out.toString()));
    assertThat(t.exitCode()).as(t.err()).isZero();
    model = out.resolve("ego.model");
  }

  @Test
  void trackWritesBlendshapesFaceReportAndMetrics() throws Exception {
    Path out = dir.resolve("track");
    CapturedRun.Result t = CapturedRun.run("ego", "track", "--model", model.toString(), "--views",
        data.resolve("s04/r01").toString(), "--out", out.toString());
    assertThat(t.exitCode()).as(t.err()).isZero();
    BlendshapeTrack track = BlendshapeCsv.read(out.resolve("blendshapes.csv"));
    assertThat(track.frameCount()).isEqualTo(91);
    byte[] glb = Files.readAllBytes(out.resolve("face.glb"));
    assertThat(new String(glb, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("glTF");
    // the glTF's JSON chunk holds one animation, its sampler's input the 91 frame times
    int jsonLength = java.nio.ByteBuffer.wrap(glb, 12, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    JsonNode gltf = JSON.readTree(new String(glb, 20, jsonLength, java.nio.charset.StandardCharsets.UTF_8));
    int input = gltf.get("animations").get(0).get("samplers").get(0).get("input").asInt();
    assertThat(gltf.get("accessors").get(input).get("count").asInt()).isEqualTo(91);
    String report = Files.readString(out.resolve("report.html"));
    assertThat(report).contains("mimik ego track", "Semantic", "The tracked face", "data:image/png;base64");
    assertThat(JSON.readTree(out.resolve("metrics.json").toFile()).get("dataset").has("semantic_accuracy")).isTrue();

    // a frames.csv whose times do not increase: one line naming the file, exit 2, nothing written
    Path broken = dir.resolve("broken");
    try (var files = Files.walk(data.resolve("s04/r01"))) {
      for (Path p : files.toList()) {
        Path target = broken.resolve(data.resolve("s04/r01").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(broken.resolve(EgoLayout.FRAMES)));
    lines.set(3, "2,0.0");
    Files.write(broken.resolve(EgoLayout.FRAMES), lines);
    CapturedRun.Result bad = CapturedRun.run("ego", "track", "--model", model.toString(), "--views",
        broken.toString(), "--out", dir.resolve("bad").toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip()).contains(EgoLayout.FRAMES, "line 4", "increase").doesNotContain("\n");
    assertThat(dir.resolve("bad")).doesNotExist();
  }

  @Test
  void benchEgoPrintsFramesPerCpuSecondAndP99() {
    CapturedRun.Result b = CapturedRun.run("bench", "ego", "--model", model.toString(), "--views",
        data.resolve("s04/r01").toString(), "--frames", "120", "--warmup", "5");
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(b.out()).containsPattern("\\d+ frames per CPU second; CPU per frame [0-9.]+ ms mean, [0-9.]+ ms p50,"
        + " [0-9.]+ ms p99").doesNotContain("NaN");
    assertThat(CapturedRun.run("bench", "ego", "--model", model.toString(), "--views",
        data.resolve("nothing").toString()).exitCode()).isEqualTo(2);
  }

  /**
   * The server replays the recording's views through the model: each frame carries the five camera images of its
   * frame, byte for byte as the recording stores them, and (on the first pass) the blendshapes 'ego track' writes
   * for that frame. The guard applies as to every stream: a foreign page is refused.
   */
  @Test
  void serveEgoReplayStreamsTheViewsBesideTheFace() throws Exception {
    assertThat(Main.run("serve", "--ego-replay", data.resolve("s04/r01").toString())).isEqualTo(2);
    Path recording = data.resolve("s04/r01");
    Path tracked = dir.resolve("track-for-serve");
    assertThat(CapturedRun.run("ego", "track", "--model", model.toString(), "--views", recording.toString(),
        "--out", tracked.toString()).exitCode()).isZero();
    BlendshapeTrack expected = BlendshapeCsv.read(tracked.resolve("blendshapes.csv"));
    java.util.List<String> cameras;
    try (var m = dev.mimik.learn.ego.EgoModelFile.read(model)) {
      cameras = m.cameras();
    }
    try (MimikProcess server = MimikProcess.start(MimikProcess.command("serve", "--model", model.toString(),
        "--ego-replay", recording.toString(), "--port", "0", "--loop"))) {
      int port = server.awaitLoopbackPort();
      HttpClient http = HttpClient.newHttpClient();
      assertThat(WsClient.upgradeStatus(http, port, "/ws/frames", Map.of("Origin", "http://evil.example")))
          .isEqualTo(403);
      int checked = 0;
      int firstPass = 0;
      try (WsClient viewer = WsClient.open(http, port, "/ws/frames")) {
        for (int i = 0; i < 60; i++) {
          String message = viewer.next(30);
          assertThat(message).as("frame " + i).isNotNull();
          JsonNode frame = JSON.readTree(message);
          double t = frame.get("t").asDouble();
          int f = (int) Math.round(t * 30) % 91;
          JsonNode views = frame.get("views");
          assertThat(views).hasSize(5);
          for (int v = 0; v < 5; v++) {
            assertThat(views.get(v).get("camera").asText()).isEqualTo(cameras.get(v));
            byte[] png = Base64.getDecoder().decode(views.get(v).get("png").asText());
            assertThat(png).isEqualTo(Files.readAllBytes(EgoLayout.image(recording, cameras.get(v), f)));
          }
          assertThat(frame.get("blendshapes").size()).isEqualTo(52);
          if (t < 91 / 30.0 - 1e-6) {
            firstPass++;
            for (String name : expected.names()) {
              assertThat(frame.get("blendshapes").get(name).asDouble()).as(name + " at frame " + f)
                  .isCloseTo(expected.column(name)[f], org.assertj.core.data.Offset.offset(2e-6));
            }
          }
          checked++;
        }
      }
      assertThat(checked).isEqualTo(60);
      assertThat(firstPass).isGreaterThan(0);
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(JSON.readTree(health.body()).get("source").asText()).contains("headset replay", "91 frames");
      assertThat(JSON.readTree(health.body()).get("refused").get("foreign_origin").asInt()).isEqualTo(1);
      assertThat(server.stop("TERM", 30)).isTrue();
    }
  }
}
