package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmgCommandTest {

  @Test
  void trainsAppliesAndSynthesizesOnSimulatedFridlundSessions(@TempDir Path dir) throws Exception {
    Path sim = dir.resolve("sim");
    assertThat(Main.run("simulate", "--out", sim.toString(), "--participants", "2", "--minutes", "0.4",
        "--montage", "fridlund", "--rate", "1024", "--format", "edf", "--seed", "5")).isZero();
    Path model = dir.resolve("m.zip");
    assertThat(Main.run("emg", "train", "--signals", sim.resolve("p01/s01/signals.edf").toString(),
        "--blendshapes", sim.resolve("p01/s01/truth/blendshapes.csv").toString(), "--preset", "eifer",
        "--out", model.toString())).isZero();
    assertThat(dev.mimik.learn.eifer.EiferModelFile.read(model).eogBand()).isTrue();
    assertThat(dev.mimik.learn.eifer.EiferModelFile.read(model).saccadeIntegral()).isTrue();
    assertThat(Main.run("emg", "train", "--signals", sim.resolve("p01/s01/signals.edf").toString(),
        "--blendshapes", sim.resolve("p01/s01/truth/blendshapes.csv").toString(), "--preset", "none", "--eog-band",
        "--out", dir.resolve("none.zip").toString())).isEqualTo(2);
    assertThat(dir.resolve("none.zip")).doesNotExist();
    assertThat(Main.run("emg", "train", "--signals", sim.resolve("p01/s01/signals.edf").toString(),
        "--blendshapes", sim.resolve("p01/s01/truth/blendshapes.csv").toString(), "--preset", "none",
        "--saccade-integral", "--out", dir.resolve("none.zip").toString())).isEqualTo(2);
    Path face = dir.resolve("face");
    assertThat(Main.run("emg", "apply", "--model", model.toString(), "--signals",
        sim.resolve("p02/s01/signals.edf").toString(), "--preset", "eifer", "--out", face.toString())).isZero();
    List<String> rows = Files.readAllLines(face.resolve("blendshapes.csv"));
    assertThat(rows.get(0)).startsWith("time_s,").contains("mouthSmileLeft");
    assertThat(rows).hasSize(1 + 24 * 30);
    assertThat(Files.size(face.resolve("face.glb"))).isGreaterThan(1000);
    Path syn = dir.resolve("syn.csv");
    assertThat(Main.run("emg", "synthesize", "--model", model.toString(), "--blendshapes",
        sim.resolve("p02/s01/truth/blendshapes.csv").toString(), "--out", syn.toString())).isZero();
    assertThat(Files.readAllLines(syn).get(0).split(",")).hasSize(23).contains("Zyg li");
  }

  @Test
  void aBadModelFileExitsWithTwoAndWritesNothing(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("m.zip");
    Files.writeString(junk, "junk");
    Path bs = dir.resolve("b.csv");
    Files.writeString(bs, "time_s,jawOpen\n0,0.1\n0.1,0.2\n");
    Path out = dir.resolve("out.csv");
    assertThat(Main.run("emg", "synthesize", "--model", junk.toString(), "--blendshapes", bs.toString(), "--out",
        out.toString())).isEqualTo(2);
    assertThat(out).doesNotExist();
  }

  @Test
  void experimentWritesAReportAndHeatMap(@TempDir Path dir) throws Exception {
    Path table = Path.of(System.getProperty("mimik.shared", "../shared"), "data/emg-fridlund/fridlund.csv");
    Assumptions.assumeTrue(Files.isRegularFile(table), "shared Fridlund table absent: " + table);
    Path out = dir.resolve("exp");
    assertThat(Main.run("emg", "experiment", "--fridlund", table.toString(), "--out", out.toString(), "--train",
        "1", "--test", "1", "--seconds", "25", "--rate", "1024")).isZero();
    assertThat(Files.readString(out.resolve("report.html"))).contains("Exp2EMG").contains("held out");
    assertThat(out.resolve("eifer-model.zip")).exists();
    java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("muscle-heatmap.png").toFile());
    assertThat(png.getWidth()).isGreaterThan(png.getHeight());
  }
}
