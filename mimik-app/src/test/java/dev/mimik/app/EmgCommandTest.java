package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.core.io.csv.CsvSignalWriter;
import dev.mimik.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        sim.resolve("p02/s01/signals.edf").toString(), "--preset", "eifer", "--out", face.toString(), "--heatmap"))
        .isZero();
    assertThat(javax.imageio.ImageIO.read(face.resolve("muscle-heatmap.png").toFile()).getHeight()).isGreaterThan(100);
    List<String> rows = Files.readAllLines(face.resolve("blendshapes.csv"));
    assertThat(rows.get(0)).startsWith("time_s,").contains("mouthSmileLeft");
    assertThat(rows).hasSize(1 + 24 * 30);
    assertThat(Files.size(face.resolve("face.glb"))).isGreaterThan(1000);
    // apply read the recording in blocks; the recording read whole gives the same weights, within 1e-9
    Path edf = sim.resolve("p02/s01/signals.edf");
    var m = dev.mimik.learn.eifer.EiferModelFile.read(model);
    var chain = new dev.mimik.lab.eifer.EmgInputs("eifer", 0);
    var raw = dev.mimik.lab.eifer.EmgInputs.read(edf, null);
    double[][] env = dev.mimik.lab.eifer.EmgInputs.rows(edf, chain.envelopes(edf, raw), m.channels());
    double[][] whole = m.expression(env,
        dev.mimik.lab.eifer.EmgInputs.rows(edf, chain.eogBand(edf, raw), m.channels()),
        dev.mimik.lab.eifer.EmgInputs.rows(edf, chain.saccadeIntegral(edf, raw), m.channels()),
        chain.pops(edf, raw, m.channels(), env.length, w -> { }).clean(), false);
    double[][] written = dev.mimik.core.io.csv.BlendshapeCsv.read(face.resolve("blendshapes.csv")).weights();
    assertThat(written).hasDimensions(whole.length, whole[0].length);
    for (int f = 0; f < whole.length; f++) {
      assertThat(written[f]).containsExactly(whole[f], org.assertj.core.api.Assertions.within(1e-9));
    }
    Path syn = dir.resolve("syn.csv");
    Path png = dir.resolve("syn.png");
    assertThat(Main.run("emg", "synthesize", "--model", model.toString(), "--blendshapes",
        sim.resolve("p02/s01/truth/blendshapes.csv").toString(), "--out", syn.toString(), "--heatmap", png.toString()))
        .isZero();
    assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isGreaterThan(100);
    assertThat(Files.readAllLines(syn).get(0).split(",")).hasSize(23).contains("Zyg li");

    // eval scores exactly what apply wrote, against the truth at apply's frame times
    Path eval = dir.resolve("eval");
    Path truthCsv = sim.resolve("p02/s01/truth/blendshapes.csv");
    assertThat(Main.run("emg", "eval", "--model", model.toString(), "--signals",
        sim.resolve("p02/s01/signals.edf").toString(), "--blendshapes", truthCsv.toString(), "--preset", "eifer",
        "--out", eval.toString())).isZero();
    var metrics = new com.fasterxml.jackson.databind.ObjectMapper().readTree(eval.resolve("metrics.json").toFile());
    var applied = dev.mimik.core.io.csv.BlendshapeCsv.read(face.resolve("blendshapes.csv"));
    var truth = dev.mimik.core.io.csv.BlendshapeCsv.read(truthCsv);
    double[] tt = truth.timesSeconds();
    var shapes = metrics.get("recordings").get(0).get("emg2exp").fields();
    int checked = 0;
    while (shapes.hasNext()) {
      var shape = shapes.next();
      int a = applied.names().indexOf(shape.getKey());
      int b = truth.names().indexOf(shape.getKey());
      List<double[]> pairs = new ArrayList<>();
      for (int f = 0; f < applied.frameCount(); f++) {
        double t = applied.timesSeconds()[f];
        if (t < tt[0] || t > tt[tt.length - 1]) {
          continue;
        }
        int j = 0;
        while (j < tt.length - 2 && tt[j + 1] <= t) {
          j++;
        }
        double u = (t - tt[j]) / (tt[j + 1] - tt[j]);
        pairs.add(new double[] {applied.weights()[f][a],
            truth.weights()[j][b] + u * (truth.weights()[j + 1][b] - truth.weights()[j][b])});
      }
      double r = new org.hipparchus.stat.correlation.PearsonsCorrelation().correlation(
          pairs.stream().mapToDouble(x -> x[0]).toArray(), pairs.stream().mapToDouble(x -> x[1]).toArray());
      assertThat(shape.getValue().get("r").asDouble()).as(shape.getKey()).isCloseTo(r,
          org.assertj.core.api.Assertions.within(1e-9));
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
    assertThat(metrics.get("pooled").get("exp2emg").get("Zyg li").get("r2").isNumber()).isTrue();
    assertThat(Files.readString(eval.resolve("report.html"))).contains("Exp2EMG per channel");
  }

  @Test
  void applyListsAnElectrodePopAddedToTheRawSignal(@TempDir Path dir) throws Exception {
    Path edf = simulatedFridlundSession(dir, 7);
    Path model = trained(dir, edf, "--no-eog-band");
    Signal raw = SignalFormats.standard().read(edf);
    List<Channel> popped = new ArrayList<>(raw.channels());
    Channel zyg = raw.channel("Zyg li").orElseThrow();
    double[] x = zyg.samples().clone();
    int onset = (int) (10 * zyg.samplingRate());
    for (int i = onset; i < x.length; i++) {
      x[i] += 400 * Math.exp(-(i - onset) / (0.3 * zyg.samplingRate()));
    }
    popped.set(popped.indexOf(zyg), zyg.withSamples(x));
    Path csv = dir.resolve("popped.csv");
    new CsvSignalWriter().write(raw.withChannels(popped), csv);
    Path before = dir.resolve("before");
    Path after = dir.resolve("after");
    assertThat(Main.run("emg", "apply", "--model", model.toString(), "--signals", edf.toString(), "--preset",
        "eifer", "--out", before.toString())).isZero();
    assertThat(Main.run("emg", "apply", "--model", model.toString(), "--signals", csv.toString(), "--preset",
        "eifer", "--out", after.toString())).isZero();
    List<String> was = Files.readAllLines(before.resolve("artefacts.csv"));
    List<String> is = Files.readAllLines(after.resolve("artefacts.csv"));
    assertThat(is.get(0)).isEqualTo("channel,start_s,end_s");
    List<String> added = is.stream().filter(r -> !was.contains(r)).toList();
    assertThat(added).hasSize(1);
    String[] f = added.get(0).split(",");
    assertThat(f[0]).isEqualTo("Zyg li");
    assertThat(Double.parseDouble(f[1])).isBetween(9.9, 10.0);
    // 400 uV decaying with 0.3 s falls to the 10 uV floor after 0.3 ln 40 = 1.1 s
    assertThat(Double.parseDouble(f[2])).isBetween(10.8, 11.4);
    assertThat(is).hasSize(was.size() + 1);
  }

  /**
   * Electrodes recorded against a common reference, each lead's two electrodes carrying a large common-mode signal
   * (DC offset, drift, mains), paired with {@code --bipolar} give the same face as the bipolar leads themselves.
   */
  @Test
  void applyPairsMonopolarElectrodesIntoTheBipolarLeads(@TempDir Path dir) throws Exception {
    Path edf = simulatedFridlundSession(dir, 9);
    Path model = trained(dir, edf);
    Signal leads = SignalFormats.standard().read(edf);
    List<Channel> electrodes = new ArrayList<>();
    StringBuilder pairs = new StringBuilder("channel,plus,minus\n");
    for (Channel c : leads.channels()) {
      double[] common = new double[c.samples().length];
      double[] plus = new double[common.length];
      for (int i = 0; i < common.length; i++) {
        double t = i / c.samplingRate();
        common[i] = 5000 + 300 * t + 2000 * Math.sin(2 * Math.PI * 50 * t);
        plus[i] = c.samples()[i] + common[i];
      }
      electrodes.add(new Channel(c.name() + " 1", c.unit(), c.samplingRate(), plus));
      electrodes.add(new Channel(c.name() + " 2", c.unit(), c.samplingRate(), common));
      pairs.append(c.name()).append(',').append(c.name()).append(" 1,").append(c.name()).append(" 2\n");
    }
    Path bipolar = dir.resolve("bipolar.csv");
    Path monopolar = dir.resolve("monopolar.csv");
    Path pairsCsv = dir.resolve("pairs.csv");
    new CsvSignalWriter().write(leads, bipolar);
    new CsvSignalWriter().write(leads.withChannels(electrodes), monopolar);
    Files.writeString(pairsCsv, pairs);
    Path direct = dir.resolve("direct");
    Path paired = dir.resolve("paired");
    assertThat(Main.run("emg", "apply", "--model", model.toString(), "--signals", bipolar.toString(), "--preset",
        "eifer", "--out", direct.toString())).isZero();
    assertThat(Main.run("emg", "apply", "--model", model.toString(), "--signals", monopolar.toString(), "--preset",
        "eifer", "--out", dir.resolve("unpaired").toString())).isEqualTo(2);
    assertThat(Main.run("emg", "apply", "--model", model.toString(), "--signals", monopolar.toString(), "--preset",
        "eifer", "--bipolar", pairsCsv.toString(), "--out", paired.toString())).isZero();
    var a = dev.mimik.core.io.csv.BlendshapeCsv.read(direct.resolve("blendshapes.csv"));
    var b = dev.mimik.core.io.csv.BlendshapeCsv.read(paired.resolve("blendshapes.csv"));
    assertThat(b.frameCount()).isEqualTo(a.frameCount());
    for (int f = 0; f < a.frameCount(); f++) {
      for (int k = 0; k < a.names().size(); k++) {
        assertThat(b.weights()[f][k]).isCloseTo(a.weights()[f][k], org.assertj.core.api.Assertions.within(1e-5));
      }
    }
    assertThat(Files.readString(paired.resolve("artefacts.csv")))
        .isEqualTo(Files.readString(direct.resolve("artefacts.csv")));
  }

  @Test
  void aHeatMapOfChannelsOffTheFridlundMontageExitsWithTwoAndWritesNothing(@TempDir Path dir) throws Exception {
    StringBuilder env = new StringBuilder("time_s,A,B\n");
    StringBuilder bs = new StringBuilder("time_s,jawOpen,mouthSmileLeft\n");
    for (int f = 0; f < 120; f++) {
      double a = 0.5 + 0.5 * Math.sin(f / 7.0);
      double b = 0.5 + 0.5 * Math.cos(f / 11.0);
      env.append(f / 30.0).append(',').append(3 + 10 * a).append(',').append(4 + 8 * b).append('\n');
      bs.append(f / 30.0).append(',').append(a).append(',').append(b).append('\n');
    }
    Path envelopes = dir.resolve("env.csv");
    Path blendshapes = dir.resolve("bs.csv");
    Files.writeString(envelopes, env);
    Files.writeString(blendshapes, bs);
    Path model = dir.resolve("m.zip");
    assertThat(Main.run("emg", "train", "--signals", envelopes.toString(), "--blendshapes", blendshapes.toString(),
        "--out", model.toString())).isZero();
    Path out = dir.resolve("syn.csv");
    Path png = dir.resolve("syn.png");
    assertThat(Main.run("emg", "synthesize", "--model", model.toString(), "--blendshapes", blendshapes.toString(),
        "--out", out.toString(), "--heatmap", png.toString())).isEqualTo(2);
    assertThat(out).doesNotExist();
    assertThat(png).doesNotExist();
    Path face = dir.resolve("face");
    assertThat(Main.run("emg", "apply", "--model", model.toString(), "--signals", envelopes.toString(), "--out",
        face.toString(), "--heatmap")).isEqualTo(2);
    assertThat(face).doesNotExist();
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
    Path table = SharedData.file("emg-fridlund/fridlund.csv");
    Path out = dir.resolve("exp");
    assertThat(Main.run("emg", "experiment", "--fridlund", table.toString(), "--out", out.toString(), "--train",
        "1", "--test", "1", "--seconds", "25", "--rate", "1024")).isZero();
    assertThat(Files.readString(out.resolve("report.html"))).contains("Exp2EMG").contains("held out")
        .contains("ceiling r, artefact-free")
        .contains("muscle model r");
    assertThat(out.resolve("eifer-model.zip")).exists();
    java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("muscle-heatmap.png").toFile());
    assertThat(png.getWidth()).isGreaterThan(png.getHeight());
  }

  @Test
  void experimentWithExercisesHoldsOutEachFoldAndEveryEmotionRow(@TempDir Path dir) throws Exception {
    Path exercises = SharedData.file("emg-fridlund/exercises.csv");
    Path emotions = SharedData.file("emg-fridlund/fridlund.csv");
    Path out = dir.resolve("exp");
    assertThat(Main.run("emg", "experiment", "--exercises", exercises.toString(), "--fridlund", emotions.toString(),
        "--no-sessions", "--out", out.toString())).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    var folds = json.get("exercises").get("folds");
    assertThat(folds).hasSize(2);
    for (var fold : folds) {
      List<String> calibration = new ArrayList<>();
      fold.get("calibration_exercises").forEach(e -> calibration.add(e.asText()));
      assertThat(calibration).hasSize(4);
      fold.get("r").fields().forEachRemaining(e -> assertThat(e.getValue().get("held_out").asBoolean())
          .as(e.getKey()).isEqualTo(!calibration.contains(e.getKey())));
    }
    json.get("emotions").forEach(e -> assertThat(e.get("held_out").asBoolean()).isTrue());
    assertThat(Files.readString(out.resolve("report.html"))).contains("calibrated on fold A")
        .contains("example data");
    assertThat(out.resolve("eifer-model.zip")).doesNotExist();
  }

  @Test
  void experimentNeedsATableAndRefusesCalibrateWithExercises(@TempDir Path dir) throws Exception {
    Path exercises = SharedData.file("emg-fridlund/exercises.csv");
    Path out = dir.resolve("exp");
    assertThat(Main.run("emg", "experiment", "--no-sessions", "--out", out.toString())).isEqualTo(2);
    assertThat(Main.run("emg", "experiment", "--exercises", exercises.toString(), "--calibrate", "happy,sad",
        "--no-sessions", "--out", out.toString())).isEqualTo(2);
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, ",DAO li,Zyg li\nlip_pucker,1,2\nsmile_sideways,1,2\n");
    assertThat(Main.run("emg", "experiment", "--exercises", bad.toString(), "--no-sessions", "--out",
        out.toString())).isEqualTo(2);
    assertThat(out).doesNotExist();
  }

  /** One simulated Fridlund-montage session (24 s at 1024 Hz, EDF) in {@code dir/sim}; its signal file. */
  private static Path simulatedFridlundSession(Path dir, long seed) {
    Path sim = dir.resolve("sim");
    assertThat(Main.run("simulate", "--out", sim.toString(), "--participants", "1", "--minutes", "0.4",
        "--montage", "fridlund", "--rate", "1024", "--format", "edf", "--seed", Long.toString(seed))).isZero();
    return sim.resolve("p01/s01/signals.edf");
  }

  /** A model trained with the EIFER preset (and {@code options}) on the session of {@code edf}, in {@code dir}. */
  private static Path trained(Path dir, Path edf, String... options) {
    Path model = dir.resolve("m.zip");
    List<String> args = new ArrayList<>(List.of("emg", "train", "--signals", edf.toString(), "--blendshapes",
        edf.resolveSibling("truth/blendshapes.csv").toString(), "--preset", "eifer", "--out", model.toString()));
    args.addAll(List.of(options));
    assertThat(Main.run(args.toArray(String[]::new))).isZero();
    return model;
  }
}
