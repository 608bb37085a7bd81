package dev.mimik.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mimik batch track} in embedded local mode against eight {@code mimik track} runs, and its failures. */
class BatchTrackTest {

  private final TinyDataset data = TinyDataset.get();

  /** Runs mimik batch in this JVM, with stdout and stderr captured; returns the exit code and both texts. */
  static synchronized String[] batch(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      System.setOut(o);
      System.setErr(o);
      code = BatchMain.run(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    return new String[] {Integer.toString(code), text};
  }

  @Test
  void batchTrackWritesWhatEightTrackRunsWrite() throws Exception {
    Path single = data.singleTrackRuns();
    Path out = data.folder("batch");
    String[] r = batch("track", "--manifest", data.manifest.toString(), "--model", data.model.toString(), "--out",
        out.toString(), "--master", "local[2]");
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    assertThat(r[1]).contains("8 recordings, 0 complete from an earlier run, 8 to run on local[2]; Spark UI http://")
        .contains("mimik batch track: 8 done (0 complete before), 0 failed, 0 left");
    for (String id : TinyDataset.ids()) {
      SameFiles.assertSame(single.resolve(id), out.resolve(id));
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(summary.path("done").asInt()).isEqualTo(8);
    assertThat(summary.path("failed").asInt()).isZero();
    assertThat(summary.path("participants")).hasSize(4);
    assertThat(summary.path("per_recording")).hasSize(8);
    double p01 = (json(single, "p01/s01").path("nme_percent").asDouble()
        + json(single, "p01/s02").path("nme_percent").asDouble()) / 2;
    assertThat(summary.path("participants").get(0).path("nme_percent").asDouble()).isCloseTo(p01,
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(summary.path("dataset").path("frames").asInt()).isEqualTo(TinyDataset.ids().stream()
        .mapToInt(id -> json(single, id).path("frames").asInt()).sum());
    assertThat(Files.readString(out.resolve("report.html"))).contains("Participants").contains("p04");
  }

  private static JsonNode json(Path dir, String id) {
    try {
      return new ObjectMapper().readTree(dir.resolve(id).resolve("metrics.json").toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aCorruptRecordingIsReportedTheOthersCompleteAndARerunSkipsThem() throws Exception {
    Path bad = data.sim.resolve("bad");
    Files.createDirectories(bad);
    byte[] edf = Files.readAllBytes(data.sim.resolve("p01/s01/signals.edf"));
    Files.write(bad.resolve("signals.edf"), java.util.Arrays.copyOf(edf, edf.length / 3));
    List<String> lines = new ArrayList<>(List.of("signals,participant", "p02/s01/signals.edf,p02",
        "bad/signals.edf,p09", "p03/s01/signals.edf,p03"));
    Path manifest = data.sim.resolve("with-bad.csv");
    Files.write(manifest, lines);
    Path out = data.folder("with-bad");
    String[] args = {"track", "--manifest", manifest.toString(), "--model", data.model.toString(), "--out",
        out.toString(), "--master", "local[2]", "--no-3d", "--conf", "spark.ui.enabled=false"};

    String[] first = batch(args);
    assertThat(first[0]).as(first[1]).isEqualTo("1");
    assertThat(first[1]).contains("failed: bad: " + bad.resolve("signals.edf"));
    JsonNode summary = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(summary.path("done").asInt()).isEqualTo(2);
    assertThat(summary.path("failed").asInt()).isEqualTo(1);
    JsonNode failure = summary.path("failures").get(0);
    assertThat(failure.path("recording").asText()).isEqualTo("bad");
    assertThat(failure.path("file").asText()).isEqualTo(bad.resolve("signals.edf").toString());
    assertThat(failure.path("reason").asText()).isNotBlank();
    assertThat(out.resolve("p02/s01/landmarks.csv")).exists();
    assertThat(out.resolve("p03/s01/landmarks.csv")).exists();
    assertThat(out.resolve("bad")).doesNotExist();
    assertThat(Files.readString(out.resolve("report.html"))).contains("Failed recordings").contains("bad");
    long written = Files.getLastModifiedTime(out.resolve("p02/s01/landmarks.csv")).toMillis();

    String[] again = batch(args);
    assertThat(again[0]).isEqualTo("1");
    assertThat(again[1]).contains("3 recordings, 2 complete from an earlier run, 1 to run");
    assertThat(Files.getLastModifiedTime(out.resolve("p02/s01/landmarks.csv")).toMillis()).isEqualTo(written);
    JsonNode rerun = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(rerun.path("skipped").asInt()).isEqualTo(2);
    assertThat(rerun.path("failed").asInt()).isEqualTo(1);
  }
}
