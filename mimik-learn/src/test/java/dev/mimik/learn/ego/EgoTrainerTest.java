package dev.mimik.learn.ego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.io.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgoTrainerTest {

  static final EgoNetConfig TINY = new EgoNetConfig(16, new int[] {6, 12}, 16, 24, 16, true);
  static final EgoTrainingOptions OPTIONS = new EgoTrainingOptions(3, 60, 12, 3e-3, 0.3,
      EgoTrainingOptions.Augmentation.shifts(1), 5, false);
  static final List<String> CAMERAS = List.of("eyeL", "eyeR", "mouthL", "mouthR", "glabella");

  static List<EgoClip> real;
  static List<EgoClip> synthetic;
  static List<EgoClip> heldOut;

  @BeforeAll
  static void data() {
    real = EgoFixtures.clips(2, 150, 16, true, 0.2, 1);
    synthetic = EgoFixtures.clips(2, 150, 16, false, 0.2, 2);
    heldOut = EgoFixtures.clips(1, 150, 16, true, 0.2, 3);
  }

  @Test
  void trainingLowersTheLossAndLearnsTheShownShapesOnUnseenRecordings() throws Exception {
    EgoTrainer.Result r = new EgoTrainer(OPTIONS).train(TINY, CAMERAS, real, synthetic, null);
    try (EgoModel model = r.model()) {
      assertThat(r.history()).hasSize(3);
      assertThat(r.history().get(2).loss()).isLessThan(0.7 * r.history().get(0).loss());
      assertThat(r.history().get(0).domainAccuracy()).isBetween(0.0, 1.0);
      EgoClip clip = heldOut.get(0);
      double[][] predicted = model.blendshapes(clip);
      // against the fixture's exact weights: far better than the constant mean (the lids are what this short run
      // learns first; the mouths and brows take hundreds of steps more)
      for (int k : new int[] {EgoFixtures.BLINK_LEFT, EgoFixtures.BLINK_RIGHT}) {
        assertThat(mae(predicted, clip.labels(), k)).as("shape %d", k).isLessThan(0.3 * meanBaseline(clip.labels(), k));
      }
      assertThat(model.statistics()).isNotNull();
      assertThat(model.statistics().peaks()[EgoFixtures.JAW]).isGreaterThan(0.3);
    }
  }

  @Test
  void aSavedModelReloadsToIdenticalOutputsTheSameSeedMakesTheSameFileAndACorruptFileIsRefused(@TempDir Path dir) throws Exception {
    EgoTrainingOptions quick = OPTIONS.withEpochs(1, 5);
    Path file = dir.resolve("ego.model");
    byte[][] frames = Arrays.copyOf(heldOut.get(0).views(), 20);
    float[][] before;
    try (EgoModel model = new EgoTrainer(quick).train(TINY, CAMERAS, real, synthetic, null).model()) {
      before = model.run(frames).outputs();
      EgoModelFile.write(model, file);
    }
    try (EgoModel again = EgoModelFile.read(file)) {
      assertThat(again.run(frames).outputs()).isDeepEqualTo(before);
      assertThat(again.cameras()).isEqualTo(CAMERAS);
      assertThat(again.config()).isEqualTo(TINY);
      assertThat(again.statistics()).isNotNull();
    }
    // trained again from scratch with the same seed: the very same bytes
    Path twice = dir.resolve("twice.model");
    try (EgoModel model = new EgoTrainer(quick).train(TINY, CAMERAS, real, synthetic, null).model()) {
      EgoModelFile.write(model, twice);
    }
    assertThat(Files.readAllBytes(twice)).isEqualTo(Files.readAllBytes(file));
    Path broken = dir.resolve("broken.model");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(broken, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> EgoModelFile.read(broken)).isInstanceOf(BadInputException.class)
        .hasMessageContaining(broken.toString());
  }

  @Test
  void aKilledRunResumedFromItsCheckpointEndsWithTheSameModelAsAnUninterruptedOne(@TempDir Path dir)
      throws Exception {
    EgoTrainingOptions two = OPTIONS.withEpochs(2, 6);
    EgoTrainingOptions one = OPTIONS.withEpochs(1, 6);
    byte[][] frames = Arrays.copyOf(heldOut.get(0).views(), 10);
    float[][] straight;
    try (EgoModel model = new EgoTrainer(two).train(TINY, CAMERAS, real, synthetic, null).model()) {
      straight = model.run(frames).outputs();
    }
    Path checkpoint = dir.resolve("ego.ckpt");
    new EgoTrainer(one).train(TINY, CAMERAS, real, synthetic, checkpoint).model().close();
    EgoTrainer.Result resumed = new EgoTrainer(two).train(TINY, CAMERAS, real, synthetic, checkpoint);
    try (EgoModel model = resumed.model()) {
      assertThat(resumed.history()).hasSize(2);
      assertThat(model.run(frames).outputs()).isDeepEqualTo(straight);
    }
    assertThatThrownBy(() -> new EgoTrainer(two.withSeed(9)).train(TINY, CAMERAS, real, synthetic, checkpoint))
        .isInstanceOf(BadInputException.class).hasMessageContaining(checkpoint.toString());
  }

  static double mae(double[][] a, double[][] b, int k) {
    double s = 0;
    for (int f = 0; f < a.length; f++) {
      s += Math.abs(a[f][k] - b[f][k]);
    }
    return s / a.length;
  }

  static double meanBaseline(double[][] truth, int k) {
    double mean = Arrays.stream(truth).mapToDouble(r -> r[k]).average().orElseThrow();
    return Arrays.stream(truth).mapToDouble(r -> Math.abs(r[k] - mean)).average().orElseThrow();
  }
}
