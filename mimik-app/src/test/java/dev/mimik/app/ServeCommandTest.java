package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
    ProcessBuilder command = MimikProcess.command("serve", "--replay", csv.toString(), "--port", "0", "--loop",
        "--bind", "0.0.0.0");
    command.environment().remove("MIMIK_SERVE_TOKEN");
    try (MimikProcess server = MimikProcess.start(command)) {
      Matcher m = server.awaitLine(Pattern.compile("open http://[^:/]+:(\\d+)/\\?token=([A-Za-z0-9_-]{43}) "));
      String base = "http://127.0.0.1:" + m.group(1) + "/health";
      HttpClient http = HttpClient.newHttpClient();
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(401);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "?token=" + m.group(2))).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      // SIGTERM: unlike SIGINT, not ignored when the build runs as a background job
      assertThat(server.stop("TERM", 60)).isTrue();
      String token = m.group(2);
      assertThat(server.lines().stream().filter(l -> l.contains(token))).as("lines showing the token").hasSize(1);
    }
  }

  @Test
  void interruptStopsTheServerCleanly() throws Exception {
    Path csv = Files.writeString(dir.resolve("blendshapes.csv"), CSV);
    try (MimikProcess server = MimikProcess.start(MimikProcess.command("serve", "--replay", csv.toString(), "--port",
        "0", "--loop"))) {
      int port = server.awaitLoopbackPort();
      HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).contains("\"status\":\"ok\"");
      assertThat(server.stop("INT", 20)).isTrue();
      assertThat(String.join("\n", server.lines())).contains("stopped").doesNotContain("Exception");
    }
  }
}
