package dev.mimik.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.app.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mimik batch eval} and {@code mimik batch emg apply} write what the single commands write. */
class BatchEvalAndEmgTest {

  private final TinyDataset data = TinyDataset.get();

  @Test
  void batchEvalWritesWhatEvalWrites() throws Exception {
    Path tracked = data.singleTrackRuns();
    Path dir = data.folder("eval");
    List<String> lines = new ArrayList<>(List.of("pred,truth,blendshapes,participant,id"));
    List<String> ids = List.of("p01/s02", "p02/s01", "p03/s02");
    for (String id : ids) {
      Path pred = tracked.resolve(id).resolve("landmarks.csv");
      Path truth = data.sim.resolve(id).resolve("truth/landmarks.csv");
      Path shapes = tracked.resolve(id).resolve("blendshapes.csv");
      lines.add(pred + "," + truth + "," + shapes + "," + id.substring(0, 3) + "," + id);
      assertThat(Main.run("eval", "--pred", pred.toString(), "--truth", truth.toString(), "--blendshapes",
          shapes.toString(), "--out", dir.resolve("single").resolve(id).toString())).isZero();
    }
    Path manifest = dir.resolve("eval.csv");
    Files.write(manifest, lines);
    String[] r = BatchTrackTest.batch("eval", "--manifest", manifest.toString(), "--out",
        dir.resolve("batch").toString(), "--master", "local[2]", "--conf", "spark.ui.enabled=false");
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    for (String id : ids) {
      SameFiles.assertSame(dir.resolve("single").resolve(id), dir.resolve("batch").resolve(id));
    }
    assertThat(Files.readString(dir.resolve("batch/metrics.json"))).contains("\"eye_state_accuracy\"");
  }

  @Test
  void batchEmgApplyWritesWhatEmgApplyWrites() throws Exception {
    Path dir = data.folder("emg");
    Path sim = dir.resolve("sim");
    assertThat(Main.run("simulate", "--out", sim.toString(), "--participants", "3", "--minutes", "0.2",
        "--montage", "fridlund", "--rate", "1024", "--format", "edf", "--seed", "5")).isZero();
    Path model = dir.resolve("m.zip");
    assertThat(Main.run("emg", "train", "--signals", sim.resolve("p01/s01/signals.edf").toString(),
        "--blendshapes", sim.resolve("p01/s01/truth/blendshapes.csv").toString(), "--preset", "eifer",
        "--out", model.toString())).isZero();
    for (String id : List.of("p02/s01", "p03/s01")) {
      assertThat(Main.run("emg", "apply", "--model", model.toString(), "--signals",
          sim.resolve(id).resolve("signals.edf").toString(), "--preset", "eifer", "--heatmap", "--out",
          dir.resolve("single").resolve(id).toString())).isZero();
    }
    Path manifest = sim.resolve("apply.csv");
    Files.write(manifest, List.of("signals,participant", "p02/s01/signals.edf,p02", "p03/s01/signals.edf,p03"));
    String[] r = BatchTrackTest.batch("emg", "apply", "--manifest", manifest.toString(), "--model",
        model.toString(), "--preset", "eifer", "--heatmap", "--out", dir.resolve("batch").toString(), "--master",
        "local[2]", "--conf", "spark.ui.enabled=false");
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    for (String id : List.of("p02/s01", "p03/s01")) {
      SameFiles.assertSame(dir.resolve("single").resolve(id), dir.resolve("batch").resolve(id));
    }
  }
}
