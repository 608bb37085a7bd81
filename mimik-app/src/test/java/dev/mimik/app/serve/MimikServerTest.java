package dev.mimik.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MimikServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private MimikServer serve(FrameSource source, SampleSink sink, byte[] glb) {
    MimikServer server = new MimikServer(source, sink, glb == null ? null : () -> glb,
        ServerSettings.loopback(0)).start();
    open.add(server);
    return server;
  }

  private HttpResponse<byte[]> get(MimikServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private WsClient ws(MimikServer server, String path) {
    WsClient c = WsClient.open(http, server.port(), path);
    open.add(c);
    return c;
  }

  @Test
  void viewerPageFaceThreeJsAndHealthAreServed() throws Exception {
    byte[] glb = Fixtures.tinyGlb("jawOpen", "eyeBlinkLeft");
    MimikServer server = serve(new BlendshapeReplaySource(Fixtures.track(30, 30, 1), 1, true, "t.csv"), null, glb);
    HttpResponse<byte[]> page = get(server, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = new String(page.body(), StandardCharsets.UTF_8);
    assertThat(html).contains("importmap").contains("/webjars/three/0.181.1/build/three.module.js");
    assertThat(get(server, "/viewer/viewer.js").statusCode()).isEqualTo(200);
    for (String lib : List.of("build/three.module.js", "build/three.core.js", "examples/jsm/loaders/GLTFLoader.js",
        "examples/jsm/controls/OrbitControls.js")) {
      assertThat(get(server, "/webjars/three/0.181.1/" + lib).statusCode()).as(lib).isEqualTo(200);
    }
    HttpResponse<byte[]> face = get(server, "/face.glb");
    assertThat(face.statusCode()).isEqualTo(200);
    assertThat(face.body()).isEqualTo(glb);
    JsonNode health = JSON.readTree(get(server, "/health").body());
    assertThat(health.get("status").asText()).isEqualTo("ok");
    assertThat(health.has("frames")).isTrue();
    assertThat(health.has("fps")).isTrue();
  }

  @Test
  void withoutAFaceTheGlbIsNotFound() throws Exception {
    MimikServer server = serve(new BlendshapeReplaySource(Fixtures.track(3, 30, 1), 1, false, "t.csv"), null, null);
    assertThat(get(server, "/face.glb").statusCode()).isEqualTo(404);
  }

  @Test
  void everyViewerGetsEveryFrameInOrderAndALeavingViewerHurtsNoOne() throws Exception {
    var track = Fixtures.track(90, 30, 2);
    ManualSource source = new ManualSource();
    MimikServer server = serve(source, null, null);
    WsClient a = ws(server, "/ws/frames");
    WsClient b = ws(server, "/ws/frames");
    WsClient quitter = ws(server, "/ws/frames");
    awaitViewers(server, 3);
    for (int f = 0; f < 90; f++) {
      source.push(track.timesSeconds()[f], track.weights()[f]);
      if (f == 30) {
        quitter.close();
      }
    }
    source.end("test source ended");
    for (WsClient viewer : List.of(a, b)) {
      for (int f = 0; f < 90; f++) {
        String msg = viewer.next(10);
        assertThat(msg).as("frame %d", f).isNotNull();
        JsonNode frame = JSON.readTree(msg);
        assertThat(frame.get("t").asDouble()).isEqualTo(track.timesSeconds()[f]);
        assertThat(frame.get("blendshapes").get("jawOpen").asDouble())
            .isEqualTo(Math.round(track.weights()[f][17] * 1e6) / 1e6);
        assertThat(frame.get("landmarks").size()).isEqualTo(2);
      }
    }
    JsonNode health = JSON.readTree(get(server, "/health").body());
    assertThat(health.get("frames").asLong()).isEqualTo(90);
    assertThat(health.get("source_ended").asBoolean()).isTrue();
    awaitViewers(server, 2);
  }

  private void awaitViewers(MimikServer server, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (JSON.readTree(get(server, "/health").body()).get("viewers").asInt() == n) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the server never had " + n + " viewers");
  }

  @Test
  void aStalledViewerIsDroppedOldestWhileAnotherKeepsUp() throws Exception {
    ManualSource source = new ManualSource();
    MimikServer server = serve(source, null, null);
    try (java.net.Socket stalled = StalledViewer.connect(server.port(), "/ws/frames")) {
      WsClient fast = ws(server, "/ws/frames");
      awaitViewers(server, 2);
      // 300 frames of about 100 kB at 100 frames/s: 30 MB, far more than the stalled viewer's socket buffers
      for (int f = 0; f < 300; f++) {
        source.pushLarge(f / 100.0, 5000);
        Thread.sleep(10);
      }
      for (int f = 0; f < 300; f++) {
        String msg = fast.next(20);
        assertThat(msg).as("frame %d", f).isNotNull();
        assertThat(JSON.readTree(msg).get("t").asDouble()).isEqualTo(f / 100.0);
      }
      JsonNode health = JSON.readTree(get(server, "/health").body());
      assertThat(health.get("viewers").asInt()).isEqualTo(2);
      assertThat(health.get("dropped").asLong()).isGreaterThan(100);
    }
  }

  @Test
  void ingestPassesOrderedBlocksOnAndSurvivesGarbage() throws Exception {
    IngestGateTest.Recorder sink = new IngestGateTest.Recorder();
    List<Long> seen = new CopyOnWriteArrayList<>();
    SampleSink recording = new SampleSink() {
      @Override
      public void accept(long sequence, double[][] samples) {
        seen.add(sequence);
        sink.accept(sequence, samples);
      }

      @Override
      public void gap(long firstMissing, long count, boolean bridged) {
        sink.gap(firstMissing, count, bridged);
      }
    };
    MimikServer server = serve(new BlendshapeReplaySource(Fixtures.track(3, 30, 1), 1, false, "t.csv"), recording,
        null);
    WsClient ingest = ws(server, "/ws/ingest");
    ingest.sendText("{\"seq\": 1, \"rate\": 250, \"samples\": [[1, 2], [3, 4]]}");
    ingest.sendBinary(IngestDecoder.encodeBinary(new SampleBlock(2, 250, new double[][] {{5, 6}, {7, 8}})));
    ingest.sendText("{\"seq\": 2, \"rate\": 250, \"samples\": [[5, 6], [7, 8]]}");
    ingest.sendText("this is not a block");
    assertThat(ingest.next(10)).startsWith("{\"error\":\"not JSON");
    ingest.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
    assertThat(ingest.next(10)).contains("shorter than the 24-byte header");
    ingest.sendText("{\"seq\": 4, \"rate\": 250, \"samples\": [[9, 10], [11, 12]]}");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (seen.size() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(seen).containsExactly(1L, 2L, 3L, 4L);
    assertThat(sink.gaps).containsExactly("3+1 bridged");
    assertThat(sink.blocks.get(2)[0]).containsExactly(7, 8);
    JsonNode ingestHealth = JSON.readTree(get(server, "/health").body()).get("ingest");
    assertThat(ingestHealth.get("late_dropped").asLong()).isEqualTo(1);
    assertThat(ingestHealth.get("rejected").asLong()).isEqualTo(2);
    assertThat(ingestHealth.get("missing").asLong()).isEqualTo(1);
    assertThat(ingestHealth.get("idle_s").asDouble()).isBetween(0.0, 60.0);
  }

  @Test
  void aPortInUseIsReportedInOneSentence() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      MimikServer server = new MimikServer(new ManualSource(), null, null,
          ServerSettings.loopback(taken.getLocalPort()));
      org.assertj.core.api.Assertions.assertThatThrownBy(server::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort()
              + ": the port is in use or the address is not this machine's");
      server.close();
    }
  }

  @Test
  void aReplayServerRefusesIngestClients() throws Exception {
    MimikServer server = serve(new BlendshapeReplaySource(Fixtures.track(3, 30, 1), 1, false, "t.csv"), null, null);
    WsClient ingest = ws(server, "/ws/ingest");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ingest.closedWith == null && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(ingest.closedWith).startsWith("1008").contains("--ingest");
  }
}
