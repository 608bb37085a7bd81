package dev.mimik.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Per-connection limits under real clients: a flooding client is cut off and the viewers keep their frames. */
class ServerLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  /** 200 messages per second over one second: a flood crosses it within about a second. */
  private static final ServerSettings.Limits TIGHT = new ServerSettings.Limits(8, 16, 4, 64 * 1024, 200,
      1 << 20, 1, 10);

  @Test
  void floodingClientsAreClosedWhileEveryViewerKeepsItsFrames() throws Exception {
    PacedFrameSource source = new PacedFrameSource(150, 30);
    AtomicInteger accepted = new AtomicInteger();
    List<WsClient> viewers = new ArrayList<>();
    try (MimikServer server = new MimikServer(source, (seq, samples) -> accepted.incrementAndGet(), null,
        ServerSettings.loopback(0).withLimits(TIGHT)).start()) {
      for (int v = 0; v < 4; v++) {
        viewers.add(WsClient.open(http, server.port(), "/ws/frames"));
      }
      awaitViewers(server, 4);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger floods = new AtomicInteger();
      Thread flooder = new Thread(() -> {
        // reconnects and floods again whenever it is cut off, for the whole 5 s of frames
        long seq = 0;
        while (running.get()) {
          try (WsClient ingest = WsClient.open(http, server.port(), "/ws/ingest")) {
            floods.incrementAndGet();
            while (running.get() && ingest.closedWith == null) {
              ingest.sendText("{\"seq\": " + seq++ + ", \"rate\": 250, \"samples\": [[1, 2, 3, 4]]}");
            }
          } catch (RuntimeException e) {
            // the server closed the socket under a send: connect again
          }
        }
      }, "test-flooder");
      source.go();
      flooder.start();
      // a viewer that talks is held to the same budget
      WsClient chatty = WsClient.open(http, server.port(), "/ws/frames");
      try {
        // until closed, not a fixed count: on a loaded machine a count could be sent slower than the limit
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (chatty.closedWith == null && System.nanoTime() < end) {
          chatty.sendText("hello");
        }
      } catch (RuntimeException e) {
        // closed under a send
      }
      Thread.sleep(5500);
      running.set(false);
      flooder.join(10_000);
      JsonNode health = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
      for (WsClient v : viewers) {
        assertThat(v.messages.size()).as("frames of one viewer").isGreaterThanOrEqualTo((int) (0.95 * 150));
      }
      // every flood but perhaps the last, and the chatty viewer: counted by the server whether or not the client
      // read the close frame before its socket was reset under a send
      assertThat(health.get("closed").get("rate_limit").asLong()).isGreaterThanOrEqualTo(floods.get())
          .isGreaterThanOrEqualTo(2);
      if (chatty.failedWith == null) {
        assertThat(chatty.closedWith).startsWith("1008");
      }
      assertThat(accepted.get()).isPositive();
      viewers.forEach(WsClient::close);
      chatty.close();
    }
  }

  @Test
  void aMessageOverTheSizeLimitClosesItsConnectionOnly() throws Exception {
    List<Long> seen = new ArrayList<>();
    try (MimikServer server = new MimikServer(new ManualSource(), (seq, samples) -> {
      synchronized (seen) {
        seen.add(seq);
      }
    }, null, ServerSettings.loopback(0).withLimits(TIGHT)).start()) {
      WsClient big = WsClient.open(http, server.port(), "/ws/ingest");
      WsClient other = WsClient.open(http, server.port(), "/ws/ingest");
      try {
        big.sendBinary(ByteBuffer.allocate(TIGHT.maxMessageBytes() + 1));
      } catch (RuntimeException e) {
        // closed under the send
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (big.closedWith == null && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(big.closedWith).startsWith("1009");
      other.sendText("{\"seq\": 1, \"rate\": 250, \"samples\": [[1, 2]]}");
      while (seen.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(seen).containsExactly(1L);
      JsonNode health = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
      assertThat(health.get("closed").get("too_big").asLong()).isEqualTo(1);
      other.close();
    }
  }

  @Test
  void connectionsBeyondTheLimitAreRefused() throws Exception {
    try (MimikServer server = new MimikServer(new ManualSource(), (seq, samples) -> { }, null,
        ServerSettings.loopback(0).withLimits(new ServerSettings.Limits(8, 2, 1, 1024, 100, 1 << 20, 1, 10)))
        .start()) {
      WsClient a = WsClient.open(http, server.port(), "/ws/frames");
      WsClient b = WsClient.open(http, server.port(), "/ws/frames");
      awaitViewers(server, 2);
      assertThat(WsClient.upgradeStatus(http, server.port(), "/ws/frames", Map.of())).isEqualTo(503);
      WsClient ingest = WsClient.open(http, server.port(), "/ws/ingest");
      Thread.sleep(300); // the server counts the client once its connection is set up
      assertThat(WsClient.upgradeStatus(http, server.port(), "/ws/ingest", Map.of())).isEqualTo(503);
      @SuppressWarnings("unchecked")
      Map<String, Object> refused = (Map<String, Object>) server.health().get("refused");
      assertThat(refused.get("full")).isEqualTo(2L);
      a.close();
      b.close();
      ingest.close();
    }
  }

  private static void awaitViewers(MimikServer server, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((int) server.health().get("viewers") < n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat((int) server.health().get("viewers")).isEqualTo(n);
  }
}
