package dev.mimik.learn.eifer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.io.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EiferMapsTest {

  @Test
  void ridgeRecoversAnExactLinearMap() {
    SplittableRandom r = new SplittableRandom(1);
    double[][] x = new double[200][3];
    double[][] y = new double[200][2];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = r.nextGaussian() * (j + 1);
      }
      y[i][0] = 2 * x[i][0] - x[i][2] + 5;
      y[i][1] = 0.5 * x[i][1];
    }
    DenseMap m = RidgeMap.fit(x, y, 0);
    double[] p = m.apply(new double[] {1, 2, 3});
    assertThat(p[0]).isCloseTo(2 - 3 + 5, within(1e-6));
    assertThat(p[1]).isCloseTo(1, within(1e-6));
  }

  @Test
  void networkLearnsANonlinearMapTheBaselineCannotAndIsSeeded() {
    SplittableRandom r = new SplittableRandom(2);
    double[][] x = new double[600][2];
    double[][] y = new double[600][1];
    for (int i = 0; i < x.length; i++) {
      x[i][0] = r.nextDouble(-1, 1);
      x[i][1] = r.nextDouble(-1, 1);
      y[i][0] = Math.abs(x[i][0]) + x[i][1] * x[i][1];
    }
    int[] train = IntStream.range(0, 500).toArray();
    int[] val = IntStream.range(500, 600).toArray();
    NetworkTrainer t = new NetworkTrainer(new int[] {32}, 40, 40, 32, 5e-3, 7);
    DenseMap net = t.fit(x, y, train, val);
    DenseMap lin = RidgeMap.fit(x, y, 1e-6);
    double[][] tx = java.util.Arrays.copyOfRange(x, 500, 600);
    double[][] ty = java.util.Arrays.copyOfRange(y, 500, 600);
    double rNet = MapMetrics.of(net.apply(tx), ty).pearson()[0];
    double rLin = MapMetrics.of(lin.apply(tx), ty).pearson()[0];
    assertThat(rNet).isGreaterThan(0.95).isGreaterThan(rLin + 0.3);
    // the same seed gives the same network: to float rounding (PyTorch's CPU kernels may sum in another order on a
    // busy machine), far below what another initialisation or batch order would change (about 0.1)
    assertThat(t.fit(x, y, train, val).apply(tx[0])[0]).isCloseTo(net.apply(tx[0])[0], within(1e-4));
  }

  @Test
  void metricsMatchHandComputedValues() {
    double[][] truth = {{1, 5}, {2, 5}, {3, 5}};
    double[][] pred = {{2, 4}, {4, 5}, {6, 6}};
    MapMetrics m = MapMetrics.of(pred, truth);
    assertThat(m.pearson()[0]).isCloseTo(1, within(1e-12));
    assertThat(m.r2()[0]).isCloseTo(1 - 14.0 / 2, within(1e-12)); // residuals 1, 2, 3
    assertThat(m.mae()[0]).isCloseTo(2, within(1e-12));
    assertThat(m.pearson()[1]).isNaN(); // a column that does not move
    assertThat(MapMetrics.pearson(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1})).isCloseTo(-1,
        within(1e-12));
  }

  @Test
  void windowsAreCentredAndRepeatTheEdges() {
    double[][] v = {{1, 10}, {2, 20}, {3, 30}};
    double[][] w = FrameWindows.of(v, 3);
    assertThat(w[0]).containsExactly(1, 1, 2, 10, 10, 20);
    assertThat(w[2]).containsExactly(2, 3, 3, 20, 30, 30);
    assertThat(FrameWindows.quantile(v, 0.5)).containsExactly(2, 20);
    assertThat(FrameWindows.quantile(v, 1)).containsExactly(3, 30);
  }

  @Test
  void trainsBothDirectionsSavesAndLoads(@TempDir Path dir) throws Exception {
    EiferModel model = tinyModel();
    Path file = dir.resolve("m.zip");
    EiferModelFile.write(model, file);
    EiferModel back = EiferModelFile.read(file);
    double[][] env = syntheticEnvelopes(40, 3)[0];
    assertThat(back.expression(env, null, null, false)).isDeepEqualTo(model.expression(env, null, null, false));
    double[][] w = {{0.2, 0.7}, {0.1, 0.3}};
    assertThat(back.emg(w, true)).isDeepEqualTo(model.emg(w, true));
    assertThat(back.channels()).containsExactly("a", "b", "c");
    assertThat(back.levelHigh()).containsExactly(model.levelHigh());
  }

  @Test
  void exp2emgStaysWithinTheTrainingLevels() {
    EiferModel model = tinyModel();
    double[][] wild = {{40, -40}, {-40, 40}};
    for (boolean linear : new boolean[] {false, true}) {
      double[][] e = model.emg(wild, linear);
      for (double[] row : e) {
        for (int c = 0; c < row.length; c++) {
          assertThat(model.levelHigh()[c]).isFinite().isGreaterThan(model.levelLow()[c]);
          double top = Math.exp(model.restLog()[c] + model.levelHigh()[c] * model.spanLog()[c]);
          double bottom = Math.exp(model.restLog()[c] + model.levelLow()[c] * model.spanLog()[c]);
          assertThat(row[c]).isBetween(bottom * (1 - 1e-12), top * (1 + 1e-12));
        }
      }
      // the linear map extrapolates: with weights 40 times the training range it reaches the bounds
      if (linear) {
        assertThat(e[0][0]).isIn(Math.exp(model.restLog()[0] + model.levelHigh()[0] * model.spanLog()[0]),
            Math.exp(model.restLog()[0] + model.levelLow()[0] * model.spanLog()[0]));
      }
    }
  }

  @Test
  void badModelFilesAreOneClearError(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("junk.zip");
    Files.writeString(junk, "not a zip");
    assertThatThrownBy(() -> EiferModelFile.read(junk)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("junk.zip");
    Path file = dir.resolve("m.zip");
    EiferModelFile.write(tinyModel(), file);
    Path other = dir.resolve("other.zip");
    try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(file));
        var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(other))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] b = in.readAllBytes();
        if (e.getName().equals("manifest.json")) {
          b = new String(b, java.nio.charset.StandardCharsets.UTF_8).replace(EiferModelFile.FORMAT, "mimik-eifer/99")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (e.getName().equals("exp2emg.json")) {
          continue;
        }
        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        out.write(b);
        out.closeEntry();
      }
    }
    assertThatThrownBy(() -> EiferModelFile.read(other)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("mimik-eifer/99");
  }

  /**
   * A third shape that moves no muscle but shows in the channels' EOG band (as gaze does): the model that takes the
   * band follows it, network and baseline, and so does one that takes the same values as its saccade integral; the
   * envelope-only model cannot. Saved and loaded, the inputs are kept, and a file written before they existed (no
   * {@code eogBand} or {@code saccadeIntegral} in its manifest) loads as a model without them; one that takes the
   * saccade integral's channels themselves (no {@code saccadeAxes}) still reads them so.
   */
  @Test
  void theEogInputsLetEmg2ExpFollowAShapeNoMuscleMoves(@TempDir Path dir) throws Exception {
    EiferTraining t = new EiferTraining(3, 1e-3, new NetworkTrainer(new int[] {16}, 10, 5, 32, 5e-3, 1));
    List<String> shapes = List.of("s0", "s1", "gaze");
    List<EiferTraining.Recording> with = new ArrayList<>();
    List<EiferTraining.Recording> steps = new ArrayList<>();
    List<EiferTraining.Recording> without = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      double[][][] d = withGaze(300, s);
      with.add(new EiferTraining.Recording(d[0], d[1], null, d[2], null));
      steps.add(new EiferTraining.Recording(d[0], d[1], null, null, d[2]));
      without.add(new EiferTraining.Recording(d[0], d[1]));
    }
    EiferModel eog = t.train(List.of("a", "b", "c"), shapes, 30, with);
    EiferModel sac = t.train(List.of("a", "b", "c"), shapes, 30, steps);
    EiferModel plain = t.train(List.of("a", "b", "c"), shapes, 30, without);
    assertThat(eog.eogBand()).isTrue();
    assertThat(eog.saccadeIntegral()).isFalse();
    assertThat(sac.eogBand()).isFalse();
    assertThat(sac.saccadeIntegral()).isTrue();
    assertThat(plain.eogBand()).isFalse();
    double[][][] test = withGaze(300, 9);
    for (boolean linear : new boolean[] {false, true}) {
      assertThat(MapMetrics.of(eog.expression(test[0], test[2], null, linear), test[1]).pearson()[2])
          .isGreaterThan(0.9);
      assertThat(MapMetrics.of(sac.expression(test[0], null, test[2], linear), test[1]).pearson()[2])
          .isGreaterThan(0.9);
      assertThat(MapMetrics.of(plain.expression(test[0], null, null, linear), test[1]).pearson()[2]).isLessThan(0.5);
    }
    assertThatThrownBy(() -> eog.expression(test[0], null, null, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sac.expression(test[0], test[2], null, false))
        .isInstanceOf(IllegalArgumentException.class);
    Path file = dir.resolve("m.zip");
    EiferModelFile.write(eog, file);
    EiferModel back = EiferModelFile.read(file);
    assertThat(back.eogBand()).isTrue();
    assertThat(back.expression(test[0], test[2], null, false))
        .isDeepEqualTo(eog.expression(test[0], test[2], null, false));
    EiferModelFile.write(sac, file);
    back = EiferModelFile.read(file);
    assertThat(back.saccadeIntegral()).isTrue();
    assertThat(back.saccadeAxes()).hasDimensions(EiferTraining.SACCADE_COMPONENTS, 3);
    assertThat(back.expression(test[0], null, test[2], false))
        .isDeepEqualTo(sac.expression(test[0], null, test[2], false));
    EiferModel channels = new EiferModel(eog.channels(), eog.blendshapes(), eog.window(), eog.frameRate(),
        eog.restLog(), eog.spanLog(), eog.emg2exp(), eog.exp2emg(), eog.emg2expLinear(), eog.exp2emgLinear(),
        eog.levelLow(), eog.levelHigh(), false, true, null);
    EiferModelFile.write(channels, file);
    back = EiferModelFile.read(file);
    assertThat(back.saccadeAxes()).isNull();
    assertThat(back.expression(test[0], null, test[2], false))
        .isDeepEqualTo(eog.expression(test[0], test[2], null, false));
    Path old = dir.resolve("old.zip");
    EiferModelFile.write(plain, old);
    withoutEogKeys(old);
    assertThat(Files.readString(old, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("eogBand")
        .doesNotContain("saccadeIntegral");
    EiferModel legacy = EiferModelFile.read(old);
    assertThat(legacy.eogBand()).isFalse();
    assertThat(legacy.saccadeIntegral()).isFalse();
    assertThat(legacy.expression(test[0], null, null, true)).isDeepEqualTo(plain.expression(test[0], null, null, true));
  }

  /**
   * An electrode pop (a step of hundreds of uV, decaying) on one channel of a test recording: marked as not clean,
   * its values are replaced by the channel's median over the clean ones, so the expression away from it is what the
   * pop-free recording gives (the EOG band's standardisation is not inflated by it) and the frames under it do not
   * follow it; unmarked, the pop moves the predicted gaze far from its frames.
   */
  @Test
  void framesMarkedAsArtefactsAreImputedBeforeEmg2ExpReadsThem() {
    EiferTraining t = new EiferTraining(3, 1e-3, new NetworkTrainer(new int[] {16}, 10, 5, 32, 5e-3, 1));
    List<EiferTraining.Recording> with = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      double[][][] d = withGaze(300, s);
      with.add(new EiferTraining.Recording(d[0], d[1], null, d[2], null));
    }
    EiferModel m = t.train(List.of("a", "b", "c"), List.of("s0", "s1", "gaze"), 30, with);
    double[][][] test = withGaze(300, 9);
    double[][] env = new double[300][];
    double[][] eog = new double[300][];
    boolean[][] clean = new boolean[300][3];
    for (int f = 0; f < 300; f++) {
      env[f] = test[0][f].clone();
      eog[f] = test[2][f].clone();
      java.util.Arrays.fill(clean[f], true);
      if (f >= 100 && f < 130) {
        double pop = 600 * Math.exp(-(f - 100) / 8.0);
        eog[f][1] += pop;
        env[f][1] += pop / 10;
        clean[f][1] = false;
      }
    }
    double[][] reference = m.expression(test[0], test[2], null, false);
    double[][] imputed = m.expression(env, eog, null, clean, false);
    double[][] raw = m.expression(env, eog, null, false);
    double away = 0;
    double awayRaw = 0;
    for (int f = 0; f < 300; f++) {
      if (f < 90 || f >= 140) {
        away = Math.max(away, Math.abs(imputed[f][2] - reference[f][2]));
        awayRaw = Math.max(awayRaw, Math.abs(raw[f][2] - reference[f][2]));
      }
    }
    // measured: 0.06 imputed, 0.33 unmarked (a tenth of the frames changed, so the standardisation moves a little)
    assertThat(away).isLessThan(0.1);
    assertThat(awayRaw).isGreaterThan(3 * away);
    assertThat(MapMetrics.of(imputed, test[1]).pearson()[2]).isGreaterThan(0.85);
    assertThat(FrameWindows.imputed(new double[][] {{1, 5}, {2, 6}, {100, 7}, {3, 8}},
        new boolean[][] {{true, true}, {true, true}, {false, true}, {true, true}}))
        .isDeepEqualTo(new double[][] {{1, 5}, {2, 6}, {2, 7}, {3, 8}});
  }

  /** {@link #syntheticEnvelopes} plus a gaze shape in 0..1 and its signed EOG band on the three channels. */
  private static double[][][] withGaze(int frames, long seed) {
    double[][][] d = syntheticEnvelopes(frames, seed);
    SplittableRandom r = new SplittableRandom(seed + 100);
    double[][] w = new double[frames][3];
    double[][] eog = new double[frames][3];
    double[] gain = {40, -25, 5};
    double gaze = 0.5;
    for (int f = 0; f < frames; f++) {
      if (f % 20 == 0) {
        gaze = r.nextDouble();
      }
      w[f] = new double[] {d[1][f][0], d[1][f][1], gaze};
      for (int c = 0; c < 3; c++) {
        eog[f][c] = gain[c] * (gaze - 0.5) + 2 * r.nextGaussian() + seed * 7;
      }
    }
    return new double[][][] {d[0], w, eog};
  }

  /** Rewrites the model file's manifest without its {@code eogBand} entry, as files were before it. */
  private static void withoutEogKeys(Path file) throws Exception {
    java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
        entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
      }
    }
    String manifest = new String(entries.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8)
        .replaceAll(",\\s*\"(eogBand|saccadeIntegral)\"\\s*:\\s*false", "");
    entries.put("manifest.json", manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
      for (var e : entries.entrySet()) {
        out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
  }

  /** Two shapes driving three channels: channel = rest * exp(2 * shape) with noise. */
  private static double[][][] syntheticEnvelopes(int frames, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] env = new double[frames][3];
    double[][] w = new double[frames][2];
    for (int f = 0; f < frames; f++) {
      w[f][0] = 0.5 + 0.5 * Math.sin(f / 7.0);
      w[f][1] = 0.5 + 0.5 * Math.cos(f / 11.0);
      env[f][0] = 3 * Math.exp(2 * w[f][0]) * (1 + 0.05 * r.nextGaussian());
      env[f][1] = 2 * Math.exp(2 * w[f][1]) * (1 + 0.05 * r.nextGaussian());
      env[f][2] = 1 * Math.exp(w[f][0] + w[f][1]) * (1 + 0.05 * r.nextGaussian());
    }
    return new double[][][] {env, w};
  }

  private static EiferModel tinyModel() {
    List<EiferTraining.Recording> recs = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      double[][][] d = syntheticEnvelopes(300, s);
      recs.add(new EiferTraining.Recording(d[0], d[1]));
    }
    EiferTraining t = new EiferTraining(3, 1e-3, new NetworkTrainer(new int[] {16}, 10, 5, 32, 5e-3, 1));
    EiferModel m = t.train(List.of("a", "b", "c"), List.of("s0", "s1"), 30, recs);
    double[][][] test = syntheticEnvelopes(300, 9);
    MapMetrics e2x = MapMetrics.of(m.expression(test[0], null, null, true), test[1]);
    assertThat(java.util.Arrays.stream(e2x.pearson()).min().orElseThrow()).isGreaterThan(0.9);
    return m;
  }
}
