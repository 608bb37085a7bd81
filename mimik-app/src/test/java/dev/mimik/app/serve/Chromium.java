package dev.mimik.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Debian chromium driven over the DevTools protocol: opens one page, evaluates JavaScript in it, takes
 * screenshots. WebGL runs on SwiftShader, so no GPU is needed.
 */
final class Chromium implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final WebSocket page;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  /** Whether a {@code chromium} binary is on the PATH. */
  static boolean available() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "chromium"))) {
        return true;
      }
    }
    return false;
  }

  Chromium(String url, Path profile) throws Exception {
    process = new ProcessBuilder("chromium", "--headless", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "--window-size=1280,800", url).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String browserWs = null;
    StringBuilder log = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (browserWs == null && System.nanoTime() < deadline && (line = out.readLine()) != null) {
      log.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        browserWs = m.group(1);
      }
    }
    if (browserWs == null) {
      process.destroyForcibly();
      throw new IOException("chromium did not open its DevTools port:\n" + log);
    }
    Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "chromium-output");
    drain.setDaemon(true);
    drain.start();
    URI browser = URI.create(browserWs);
    HttpClient http = HttpClient.newHttpClient();
    String pageWs = null;
    while (pageWs == null && System.nanoTime() < deadline) {
      JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
          URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      for (JsonNode t : targets) {
        if (t.path("type").asText().equals("page")) {
          pageWs = t.path("webSocketDebuggerUrl").asText();
        }
      }
      if (pageWs == null) {
        Thread.sleep(100);
      }
    }
    page = http.newWebSocketBuilder().buildAsync(URI.create(pageWs), new Listener()).join();
  }

  /** Sends a DevTools command to the page and returns its result. */
  JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params));
    page.sendText(JSON.writeValueAsString(msg), true).join();
    JsonNode r = reply.get(60, TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IOException(method + " failed: " + r.get("error"));
    }
    return r.get("result");
  }

  /** Evaluates an expression in the page and returns its value as JSON (null when undefined). */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IOException("page threw: " + r.get("exceptionDetails"));
    }
    return r.path("result").get("value");
  }

  /** Puts a local file into the page's {@code <input type=file>} found by a CSS selector (fires its change). */
  void setFile(String selector, Path file) throws Exception {
    int root = call("DOM.getDocument", Map.of()).get("root").get("nodeId").asInt();
    int node = call("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).get("nodeId").asInt();
    call("DOM.setFileInputFiles", Map.of("nodeId", node, "files", java.util.List.of(file.toString())));
  }

  /** Saves a PNG screenshot of the page. */
  void screenshot(Path png) throws Exception {
    String data = call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
    Files.write(png, java.util.Base64.getDecoder().decode(data));
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode msg = JSON.readTree(partial.toString());
          CompletableFuture<JsonNode> f = msg.has("id") ? pending.remove(msg.get("id").asInt()) : null;
          if (f != null) {
            f.complete(msg);
          }
        } catch (IOException e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  /**
   * Ends the browser and every process it started, and waits for them: a renderer or utility process that outlives
   * the browser keeps writing into the profile, which the test's temporary folder then cannot delete.
   */
  @Override
  public void close() throws Exception {
    page.abort();
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        p.destroyForcibly();
        p.onExit().get(10, TimeUnit.SECONDS);
      }
    }
  }
}
