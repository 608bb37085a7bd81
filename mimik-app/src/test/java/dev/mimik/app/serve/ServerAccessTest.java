package dev.mimik.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who gets in, with real clients: the JDK's HTTP and WebSocket clients, and raw sockets where a header must be one
 * the JDK will not send.
 *
 * <p>A server "beyond loopback" listens on the wildcard address (every interface, as {@code --bind 0.0.0.0}) and
 * is reached over 127.0.0.1: the token is required for every client because of where the server listens, not
 * where the client comes from, and this workplace allows test traffic to loopback addresses only.
 */
class ServerAccessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "test-token-0123456789abcdef";
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private MimikServer serve(ServerSettings settings) {
    byte[] glb = Fixtures.tinyGlb("jawOpen");
    MimikServer server = new MimikServer(new ManualSource(), (seq, samples) -> { }, () -> glb, settings).start();
    open.add(server);
    return server;
  }

  private HttpResponse<String> get(MimikServer server, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void beyondLoopbackEveryRequestWithoutTheTokenIsRefused() throws Exception {
    MimikServer server = serve(ServerSettings.loopback(0).withHost("0.0.0.0").withToken(TOKEN));
    for (String path : List.of("/", "/health", "/face.glb", "/viewer/viewer.js",
        "/webjars/three/0.181.1/build/three.module.js", "/no-such-page")) {
      HttpResponse<String> r = get(server, path);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(v -> assertThat(v)
          .startsWith("Bearer"));
      assertThat(get(server, path + "?token=wrong-token-0123456789").statusCode()).as(path).isEqualTo(401);
    }
    for (String path : List.of("/ws/frames", "/ws/ingest")) {
      assertThat(WsClient.upgradeStatus(http, server.port(), path, Map.of())).as(path).isEqualTo(401);
      assertThat(WsClient.upgradeStatus(http, server.port(), path + "?token=nope", Map.of())).isEqualTo(401);
    }
    assertThat(get(server, "/health", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    assertThat(get(server, "/face.glb?token=" + TOKEN).statusCode()).isEqualTo(200);
    assertThat(WsClient.upgradeStatus(http, server.port(), "/ws/frames?token=" + TOKEN, Map.of())).isEqualTo(101);
    assertThat(WsClient.upgradeStatus(http, server.port(), "/ws/ingest", Map.of("Authorization",
        "Bearer " + TOKEN))).isEqualTo(101);
    // the page, opened with the token, hands it to its own scripts and styles in a cookie
    HttpResponse<String> page = get(server, "/?token=" + TOKEN);
    assertThat(page.statusCode()).isEqualTo(200);
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith(AccessGuard.COOKIE + "=" + TOKEN).contains("HttpOnly").contains("SameSite=Strict");
    assertThat(get(server, "/viewer/viewer.js", "Cookie", cookie.substring(0, cookie.indexOf(';'))).statusCode())
        .isEqualTo(200);
    // an Upgrade header on an ordinary request does not make it a WebSocket upgrade the token check skips
    assertThat(rawStatus(server.port(), "GET /face.glb HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")).isEqualTo(401);
    // a WebSocket path asked for over plain HTTP gives nothing away
    assertThat(get(server, "/ws/frames").statusCode()).isNotEqualTo(200);
    JsonNode refused = JSON.readTree(get(server, "/health?token=" + TOKEN).body()).get("refused");
    assertThat(refused.get("unauthorized").asLong()).isEqualTo(17);
  }

  @Test
  void aServerBeyondLoopbackDoesNotStartWithoutAToken() {
    MimikServer server = new MimikServer(new ManualSource(), null, null, ServerSettings.loopback(0)
        .withHost("0.0.0.0"));
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a token");
    server.close();
  }

  @Test
  void onLoopbackATokenGivenIsRequiredAndNoneIsNeededOtherwise() throws Exception {
    MimikServer withToken = serve(ServerSettings.loopback(0).withToken(TOKEN));
    assertThat(get(withToken, "/health").statusCode()).isEqualTo(401);
    assertThat(get(withToken, "/health?token=" + TOKEN).statusCode()).isEqualTo(200);
    MimikServer open = serve(ServerSettings.loopback(0));
    assertThat(get(open, "/health").statusCode()).isEqualTo(200);
    assertThat(WsClient.upgradeStatus(http, open.port(), "/ws/frames", Map.of())).isEqualTo(101);
  }

  @Test
  void aForeignOriginIsRefusedTheServersOwnAndNoneAccepted() throws Exception {
    MimikServer server = serve(ServerSettings.loopback(0));
    int port = server.port();
    for (String path : List.of("/ws/frames", "/ws/ingest")) {
      assertThat(WsClient.upgradeStatus(http, port, path, Map.of("Origin", "http://evil.example"))).isEqualTo(403);
      assertThat(WsClient.upgradeStatus(http, port, path, Map.of("Origin", "http://127.0.0.1:" + (port + 1))))
          .isEqualTo(403);
      assertThat(WsClient.upgradeStatus(http, port, path, Map.of("Origin", "http://127.0.0.1:" + port)))
          .isEqualTo(101);
      assertThat(WsClient.upgradeStatus(http, port, path, Map.of())).isEqualTo(101);
    }
    // with the token, a foreign page is refused all the same
    MimikServer guarded = serve(ServerSettings.loopback(0).withToken(TOKEN));
    assertThat(WsClient.upgradeStatus(http, guarded.port(), "/ws/frames?token=" + TOKEN,
        Map.of("Origin", "http://evil.example"))).isEqualTo(403);
    assertThat(JSON.readTree(get(server, "/health").body()).get("refused").get("foreign_origin").asLong())
        .isEqualTo(4);
  }

  @Test
  void withoutATokenAForeignHostNameIsRefused() throws Exception {
    MimikServer server = serve(ServerSettings.loopback(0));
    // a page of another site whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends its own Host
    assertThat(rawStatus(server.port(), "GET /health HTTP/1.1\r\nHost: rebind.example:" + server.port()
        + "\r\nConnection: close\r\n\r\n")).isEqualTo(403);
    assertThat(rawStatus(server.port(), "GET /health HTTP/1.1\r\nHost: localhost:" + server.port()
        + "\r\nConnection: close\r\n\r\n")).isEqualTo(200);
    assertThat(rawStatus(server.port(), "GET /health HTTP/1.1\r\nHost: [::1]:" + server.port()
        + "\r\nConnection: close\r\n\r\n")).isEqualTo(200);
    assertThat(JSON.readTree(get(server, "/health").body()).get("refused").get("foreign_host").asLong())
        .isEqualTo(1);
  }

  private static int rawStatus(int port, String request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      return Integer.parseInt(line.toString().split(" ")[1]);
    }
  }
}
