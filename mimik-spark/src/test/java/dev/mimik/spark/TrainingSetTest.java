package dev.mimik.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.app.Main;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.io.LandmarkFormats;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.Session;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.learn.bioface.TrainingData;
import dev.mimik.learn.bioface.TrainingSetFile;
import dev.mimik.signal.sync.ClockMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mimik batch training-set} gives the training data one machine builds, and {@code mimik train} trains on it. */
class TrainingSetTest {

  private final TinyDataset data = TinyDataset.get();

  @Test
  void theParquetSetHoldsTheTrainingDataOfOneMachineAndTrainReadsIt() throws Exception {
    List<String> lines = Files.readAllLines(data.sim.resolve("manifest.csv"));
    Path manifest = data.sim.resolve("train-p01-p02.csv");
    Files.write(manifest, lines.subList(0, 5));
    Path set = data.folder("sets").resolve("p01-p02.parquet");
    String[] r = BatchTrackTest.batch("training-set", "--manifest", manifest.toString(), "--out", set.toString(),
        "--master", "local[2]", "--conf", "spark.ui.enabled=false");
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    assertThat(r[1]).contains("4 sessions on local[2]").contains("frames of 4 sessions");

    List<Session> sessions = new ArrayList<>();
    for (String line : lines.subList(1, 5)) {
      String[] c = line.split(",");
      Path signals = data.sim.resolve(c[0]);
      sessions.add(new Session(c[0], c[2], SignalFormats.standard().read(signals),
          LandmarkFormats.standard().read(data.sim.resolve(c[1])), ClockMapping.ofOffset(Double.parseDouble(c[3])),
          signals));
    }
    FrontEnd frontEnd = ModelTraining.frontEndFor(sessions, 30);
    TrainingData expected = TrainingData.build(sessions, frontEnd, LandmarkSet.IBUG_51, null, w -> { });
    TrainingSetFile.Contents read = TrainingSetFile.read(set);
    assertThat(read.frontEnd()).isEqualTo(frontEnd);
    assertThat(read.sessions()).containsExactly("p01/s01", "p01/s02", "p02/s01", "p02/s02");
    assertThat(read.participants()).containsExactly("p01", "p01", "p02", "p02");
    TrainingData got = read.data();
    assertThat(got.frame().reference()).isEqualTo(expected.frame().reference());
    assertThat(got.session()).isEqualTo(expected.session());
    assertThat(got.times()).isEqualTo(expected.times());
    assertThat(got.targets()).isDeepEqualTo(expected.targets());
    assertThat(got.windows()).isDeepEqualTo(expected.windows());

    Path model = set.resolveSibling("population.mimik");
    assertThat(Main.run("train", "--training-set", set.toString(), "--out", model.toString(), "--epochs", "1"))
        .isZero();
    try (TrackingModel m = TrackingModel.load(model)) {
      assertThat(m.frontEnd()).isEqualTo(frontEnd);
      assertThat(m.blinks()).isEmpty();
      assertThat(m.identityOn(EmbeddedRig.load())).isPresent();
    }
  }
}
