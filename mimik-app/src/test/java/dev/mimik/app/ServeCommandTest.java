package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

  @TempDir Path dir;

  private static final String CSV = "time_s,jawOpen,eyeBlinkLeft\n0,0.1,0\n0.0333,0.2,0.5\n0.0667,0.3,1\n";

  @Test
  void badUsageAndBadInputExitWithTwo() throws Exception {
    Path good = Files.writeString(dir.resolve("blendshapes.csv"), CSV);
    Path bad = Files.writeString(dir.resolve("bad.csv"), "time_s,jawOpen\n0,x\n");
    Path ict = Files.writeString(dir.resolve("ict.csv"), "time_s,eyeBlink_L\n0,1\n");
    Path notGlb = Files.writeString(dir.resolve("face.glb"), "not a glb at all");
    assertThat(Main.run("serve")).isEqualTo(2);
    assertThat(Main.run("serve", "--ingest")).isEqualTo(2);
    assertThat(Main.run("serve", "--replay", good.toString(), "--ingest")).isEqualTo(2);
    assertThat(Main.run("serve", "--replay", good.toString(), "--speed", "0")).isEqualTo(2);
    assertThat(Main.run("serve", "--replay", good.toString(), "--osc", "nohostport")).isEqualTo(2);
    assertThat(Main.run("serve", "--replay", bad.toString())).isEqualTo(2);
    assertThat(Main.run("serve", "--replay", ict.toString())).isEqualTo(2);
    assertThat(Main.run("serve", "--replay", good.toString(), "--face-model", notGlb.toString())).isEqualTo(2);
    assertThat(Main.run("serve", "--replay", dir.resolve("missing.csv").toString())).isEqualTo(2);
    assertThat(Main.run("serve", "--replay", good.toString(), "--token", "short")).isEqualTo(2);
    assertThat(Main.run("serve", "--replay", good.toString(), "--token", "has spaces in it, sixteen+")).isEqualTo(2);
  }

  @Test
  void beyondLoopbackATokenIsGeneratedAndPrintedOnceInTheAddressToOpen() throws Exception {
    Path csv = Files.writeString(dir.resolve("blendshapes.csv"), CSV);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "serve", "--replay", csv.toString(), "--port", "0", "--loop", "--bind", "0.0.0.0").redirectErrorStream(true);
    pb.environment().remove("MIMIK_SERVE_TOKEN");
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      Pattern open = Pattern.compile("open http://[^:/]+:(\\d+)/\\?token=([A-Za-z0-9_-]{43}) ");
      Matcher m = null;
      String line;
      while (m == null && (line = out.readLine()) != null) {
        lines.add(line);
        Matcher candidate = open.matcher(line);
        m = candidate.find() ? candidate : null;
      }
      assertThat(m).as(String.join("\n", lines)).isNotNull();
      String base = "http://127.0.0.1:" + m.group(1) + "/health";
      HttpClient http = HttpClient.newHttpClient();
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(401);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "?token=" + m.group(2))).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      // SIGTERM: unlike SIGINT, not ignored when the build runs as a background job
      new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      out.lines().forEach(lines::add);
      String token = m.group(2);
      assertThat(lines.stream().filter(l -> l.contains(token))).as("lines showing the token").hasSize(1);
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void interruptStopsTheServerCleanly() throws Exception {
    Path csv = Files.writeString(dir.resolve("blendshapes.csv"), CSV);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
        "--replay", csv.toString(), "--port", "0", "--loop").redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      Pattern open = Pattern.compile("open http://127\\.0\\.0\\.1:(\\d+)/");
      int port = -1;
      String line;
      while (port < 0 && (line = out.readLine()) != null) {
        lines.add(line);
        Matcher m = open.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      assertThat(port).as(String.join("\n", lines)).isPositive();
      HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).contains("\"status\":\"ok\"");
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      out.lines().forEach(lines::add);
      assertThat(String.join("\n", lines)).contains("stopped").doesNotContain("Exception");
    } finally {
      p.destroyForcibly();
    }
  }
}
