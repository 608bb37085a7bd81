package dev.mimik.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mimik.core.data.Blendshapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web viewer in a real browser: headless chromium (WebGL on SwiftShader) loads it against a running server
 * replaying blendshapes, and the face's morph weights must follow the stream. The live server wants a token, as
 * one beyond loopback does: the page, opened with it, must pass it on to its scripts, its face and its WebSocket.
 * Screenshots go to target/.
 */
class ViewerBrowserTest {

  @TempDir Path profile;

  private static byte[] face() throws Exception {
    String shared = System.getProperty("mimik.shared");
    Path ict = shared == null ? null : Path.of(shared, "data/ict-facekit/ict_face_expressions.glb");
    if (ict != null && Files.isRegularFile(ict)) {
      return Files.readAllBytes(ict);
    }
    return Fixtures.tinyGlb("jawOpen", "eyeBlinkLeft", "mouthSmileLeft", "browInnerUp");
  }

  @Test
  void liveViewerMovesTheFaceWithTheStream() throws Exception {
    Assumptions.assumeTrue(Chromium.available(), "chromium is not installed (apt-get install chromium)");
    byte[] glb = face();
    var track = Fixtures.track(600, 30, 9);
    FrameSource replay = new BlendshapeReplaySource(track, 1, true, "browser-test.csv");
    String token = "browser-test-token-0123456789";
    try (MimikServer server = new MimikServer(withLandmarks(replay), null, () -> glb,
            ServerSettings.loopback(0).withToken(token)).start();
        Chromium browser = new Chromium("http://127.0.0.1:" + server.port() + "/?token=" + token, profile)) {
      JsonNode first = waitFor(browser, "s.faceLoaded && s.frames > 10 && Object.keys(s.applied).length > 0", 90);
      assertThat(first.get("faceError").isNull()).isTrue();
      assertThat(first.get("connected").asBoolean()).isTrue();
      assertThat(first.get("morphTargets").asInt()).isGreaterThan(3);
      Thread.sleep(4000);
      JsonNode later = waitFor(browser, "s.frames > " + (first.get("frames").asInt() + 10), 30);
      // the weights the page put on the mesh's morph targets changed, and are the stream's values
      JsonNode a = first.get("applied");
      JsonNode b = later.get("applied");
      assertThat(a.has("jawOpen")).isTrue();
      int changed = 0;
      for (var it = b.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        assertThat(Blendshapes.ARKIT_52).contains(name);
        assertThat(b.get(name).asDouble()).isBetween(0.0, 1.0);
        if (Math.abs(b.get(name).asDouble() - a.path(name).asDouble()) > 1e-3) {
          changed++;
        }
      }
      assertThat(changed).isGreaterThan(0);
      double t = later.get("appliedT").asDouble();
      int f = (int) Math.round(t * 30) % 600;
      assertThat(b.get("jawOpen").asDouble())
          .isCloseTo(track.weights()[f][Blendshapes.indexOf("jawOpen")], org.assertj.core.data.Offset.offset(2e-4));
      assertThat(later.get("fps").asInt()).isGreaterThan(5);
      assertThat(later.get("landmarks").asInt()).isEqualTo(68);
      // latencies of the frames since the face was shown (loading the face and shaders delays the first ones)
      JsonNode recent = later.get("recentLatencyMs");
      int since = Math.min(recent.size(), later.get("frames").asInt() - first.get("frames").asInt());
      double[] lat = new double[since];
      for (int i = 0; i < since; i++) {
        lat[i] = recent.get(recent.size() - since + i).asDouble();
      }
      java.util.Arrays.sort(lat);
      System.out.printf(java.util.Locale.ROOT, "viewer in chromium: %d frames, latency to the page p50 %.1f ms, "
          + "p95 %.1f ms (figure, not a check)%n", lat.length, lat[lat.length / 2], lat[(int) (lat.length * 0.95)]);
      Path shot = Path.of("target", "viewer-live.png");
      Files.createDirectories(shot.getParent());
      browser.screenshot(shot);
      assertThat(Files.size(shot)).isGreaterThan(10_000);
    }
  }

  @Test
  void fileModePlaysAFaceAndABlendshapeCsvWithATimeline(@TempDir Path files) throws Exception {
    Assumptions.assumeTrue(Chromium.available(), "chromium is not installed (apt-get install chromium)");
    Path glb = Files.write(files.resolve("face.glb"), face());
    var track = Fixtures.track(90, 30, 12);
    Path csv = files.resolve("blendshapes.csv");
    dev.mimik.core.io.csv.BlendshapeCsv.write(track, csv);
    // a server with no face and a stream that has ended: everything shown comes from the two files
    try (MimikServer server = new MimikServer(new BlendshapeReplaySource(Fixtures.track(2, 30, 1), 1, false, "x"),
            null, null, ServerSettings.loopback(0)).start();
        Chromium browser = new Chromium("http://127.0.0.1:" + server.port() + "/", profile)) {
      waitFor(browser, "s.faceError !== null", 60);
      browser.evaluate("document.getElementById('mode-files').click()");
      browser.setFile("#file-csv", csv);
      waitFor(browser, "s.mode === 'files' && s.lastT === 0", 30);
      browser.setFile("#file-glb", glb);
      waitFor(browser, "s.faceLoaded && s.morphTargets > 3", 60);
      browser.evaluate("document.getElementById('timeline').value = 0.5;"
          + "document.getElementById('timeline').dispatchEvent(new Event('input'))");
      JsonNode middle = waitFor(browser,
          "s.appliedT > 1.4 && s.appliedT < 1.6 && Object.keys(s.applied).length > 0", 30);
      int f = (int) Math.round(middle.get("appliedT").asDouble() * 30);
      assertThat(middle.get("applied").get("jawOpen").asDouble())
          .isCloseTo(track.weights()[f][Blendshapes.indexOf("jawOpen")], org.assertj.core.data.Offset.offset(1e-5));
      browser.evaluate("document.getElementById('play').click()");
      JsonNode end = waitFor(browser, "Math.abs(s.appliedT - " + track.timesSeconds()[89] + ") < 1e-5", 30);
      assertThat(end.get("applied").get("jawOpen").asDouble())
          .isCloseTo(track.weights()[89][Blendshapes.indexOf("jawOpen")], org.assertj.core.data.Offset.offset(1e-5));
      Path shot = Path.of("target", "viewer-files.png");
      Files.createDirectories(shot.getParent());
      browser.screenshot(shot);
    }
  }

  /**
   * Frames tracked from headset cameras: the page shows their five camera images beside the face (each the PNG the
   * frame carried, decoded), outlines a failed view and says what failed.
   */
  @Test
  void headsetViewsAreShownBesideTheFace() throws Exception {
    Assumptions.assumeTrue(Chromium.available(), "chromium is not installed (apt-get install chromium)");
    byte[] glb = face();
    FrameSource replay = withViews(new BlendshapeReplaySource(Fixtures.track(600, 30, 5), 1, true, "views.csv"));
    try (MimikServer server = new MimikServer(replay, null, () -> glb, ServerSettings.loopback(0)).start();
        Chromium browser = new Chromium("http://127.0.0.1:" + server.port() + "/", profile)) {
      JsonNode first = waitFor(browser, "s.faceLoaded && s.viewUpdates > 5", 90);
      assertThat(first.get("views")).hasSize(5);
      assertThat(first.get("views").get(0).asText()).isEqualTo("eye_left");
      // what the page shows while the left eye's view fails: five decoded 16 x 16 PNGs, the failed one outlined,
      // the problem named (read in one go, as frames keep arriving)
      String shown = "(() => { const imgs = [...document.querySelectorAll('#views img')];"
          + " const failed = [...document.querySelectorAll('#views figure.failed figcaption')].map(c => c.textContent);"
          + " const note = document.getElementById('view-problem').textContent;"
          + " return note && imgs.every(i => i.complete && i.naturalWidth > 0) ? { n: imgs.length, widths: imgs.map(i => i.naturalWidth), failed, note,"
          + " state: window.mimik.state() } : null; })()";
      JsonNode page = null;
      for (int i = 0; i < 150 && (page == null || page.isNull()); i++) {
        page = browser.evaluate(shown);
        Thread.sleep(200);
      }
      assertThat(page).isNotNull();
      assertThat(page.isNull()).as("the page never showed a failed view").isFalse();
      assertThat(page.get("n").asInt()).isEqualTo(5);
      page.get("widths").forEach(w -> assertThat(w.asInt()).isEqualTo(16));
      assertThat(page.get("note").asText()).contains("left eye dark");
      assertThat(page.get("failed")).hasSize(1);
      assertThat(page.get("failed").get(0).asText()).isEqualTo("eye_left");
      JsonNode failed = page.get("state");
      assertThat(failed.get("landmarks").asInt()).isZero();
      Path shot = Path.of("target", "viewer-headset.png");
      Files.createDirectories(shot.getParent());
      browser.screenshot(shot);
      JsonNode later = waitFor(browser, "s.viewProblem === null && s.viewUpdates > "
          + failed.get("viewUpdates").asInt(), 30);
      assertThat(later.get("views")).hasSize(5);
    }
  }

  /**
   * The replay's frames with five 16 x 16 camera images whose gray level follows jawOpen; the left eye's view is
   * dark and reported failed for the second half of every second.
   */
  private static FrameSource withViews(FrameSource inner) {
    int jaw = Blendshapes.indexOf("jawOpen");
    List<String> cameras = List.of("eye_left", "eye_right", "mouth_left", "mouth_right", "glabella");
    return new FrameSource() {
      @Override
      public void start(Listener listener) {
        inner.start(new Listener() {
          @Override
          public void onFrame(TrackedFrame f) {
            boolean dark = f.t() % 1.0 >= 0.5;
            List<TrackedFrame.CameraImage> images = new ArrayList<>();
            for (String camera : cameras) {
              boolean failed = dark && camera.equals("eye_left");
              byte[] gray = new byte[16 * 16];
              Arrays.fill(gray, (byte) (failed ? 0 : 40 + (int) (200 * f.blendshapes()[jaw])));
              images.add(new TrackedFrame.CameraImage(camera, dev.mimik.core.io.png.GrayPng.encode(16, 16, gray),
                  failed));
            }
            listener.onFrame(new TrackedFrame(f.t(), new double[0][], f.blendshapes(), f.leftClosed(),
                f.rightClosed(), f.latencyMs(), f.stageMs(),
                new TrackedFrame.HeadsetViews(images, dark ? "left eye dark" : null)));
          }

          @Override
          public void onEnd(String why) {
            listener.onEnd(why);
          }
        });
      }

      @Override
      public void stop() {
        inner.stop();
      }

      @Override
      public String describe() {
        return inner.describe() + " with headset views";
      }
    };
  }

  /** The replay's frames with 68 landmarks on an ellipse whose mouth opens with jawOpen, so the page draws them. */
  private static FrameSource withLandmarks(FrameSource inner) {
    int jaw = Blendshapes.indexOf("jawOpen");
    return new FrameSource() {
      @Override
      public void start(Listener listener) {
        inner.start(new Listener() {
          @Override
          public void onFrame(TrackedFrame f) {
            double[][] points = new double[68][];
            for (int i = 0; i < 68; i++) {
              double a = 2 * Math.PI * i / 68;
              double open = i >= 48 ? 20 * f.blendshapes()[jaw] : 0;
              points[i] = new double[] {320 + (i < 48 ? 120 : 40) * Math.cos(a),
                  240 + (i < 48 ? 160 : 30 + open) * Math.sin(a)};
            }
            listener.onFrame(new TrackedFrame(f.t(), points, f.blendshapes(), f.leftClosed(), f.rightClosed(),
                f.latencyMs(), f.stageMs()));
          }

          @Override
          public void onEnd(String why) {
            listener.onEnd(why);
          }
        });
      }

      @Override
      public void stop() {
        inner.stop();
      }

      @Override
      public String describe() {
        return inner.describe() + " with drawn landmarks";
      }
    };
  }

  private static JsonNode waitFor(Chromium browser, String condition, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    JsonNode s = null;
    while (System.nanoTime() < deadline) {
      s = browser.evaluate("(() => { const s = window.mimik && window.mimik.state(); return s && (" + condition
          + ") ? s : null; })()");
      if (s != null && !s.isNull()) {
        return s;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the page never reached " + condition + "; last state: "
        + browser.evaluate("window.mimik && JSON.stringify(window.mimik.state())"));
  }
}
