package dev.mimik.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.io.BadInputException;
import dev.mimik.learn.SyntheticTask;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.bionet.Normalisation;
import dev.mimik.learn.metric.NormalisedMeanError;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BioNetTrainerTest {

  static final LandmarkSet SET = LandmarkSet.IBUG_51;
  static final BioNetConfig TINY =
      new BioNetConfig(2, 32, SET, new int[] {4, 8}, new int[] {5, 3}, 2, 32, 0.1f);
  static final TrainingOptions OPTIONS =
      new TrainingOptions(6, 32, 3e-3f, 0, 7, 0.2, 4, 2, false);
  static SyntheticTask task;

  @BeforeAll
  static void data() {
    task = SyntheticTask.generate(600, 2, 32, SET, 11);
  }

  @Test
  void learnsTheSyntheticTaskBetterThanPredictingTheMean(@TempDir Path dir) throws Exception {
    BioNetTrainer.Result result = new BioNetTrainer(OPTIONS.withEpochs(10))
        .train(TINY, JsonNodeFactory.instance.objectNode(), task.windows(), task.targets(), null);
    try (BioNetModel model = result.model()) {
      assertThat(result.history()).hasSize(10);
      assertThat(result.history().get(9).trainLoss()).isLessThan(result.history().get(0).trainLoss() * 0.8);
      TimeBlockedSplit.Split split = OPTIONS.split().split(600);
      float[][] truth = task.targetsAt(split.validation());
      float[][] meanPrediction = new float[truth.length][];
      float[] mean = new float[truth[0].length];
      for (int f : split.train()) {
        for (int c = 0; c < mean.length; c++) {
          mean[c] += task.targets()[f][c] / split.train().length;
        }
      }
      java.util.Arrays.fill(meanPrediction, mean);
      NormalisedMeanError nme = new NormalisedMeanError(SET);
      double meanNme = nme.percent(meanPrediction, truth);
      double modelNme = nme.percent(model.predict(task.windowsAt(split.validation())), truth);
      assertThat(modelNme).isCloseTo(result.bestValidationNme(), org.assertj.core.data.Offset.offset(1e-3));
      assertThat(modelNme).isLessThan(0.6 * meanNme);
    }
  }

  @Test
  void aKilledRunResumedFromItsCheckpointEndsWithTheSameModelAsAnUninterruptedOne(@TempDir Path dir) throws Exception {
    var bands = JsonNodeFactory.instance.objectNode().put("emg", "20-450 Hz");
    float[][][] probe = java.util.Arrays.copyOf(task.windows(), 20);
    float[][] uninterrupted;
    try (BioNetModel model = new BioNetTrainer(OPTIONS)
        .train(TINY, bands, task.windows(), task.targets(), dir.resolve("a.ckpt")).model()) {
      uninterrupted = model.predict(probe);
    }
    Path checkpoint = dir.resolve("b.ckpt");
    new BioNetTrainer(OPTIONS.withEpochs(3)).train(TINY, bands, task.windows(), task.targets(), checkpoint).model().close();
    assertThat(TrainingCheckpoint.read(checkpoint).epochsDone()).isEqualTo(3);
    BioNetTrainer.Result resumed = new BioNetTrainer(OPTIONS).train(TINY, bands, task.windows(), task.targets(), checkpoint);
    try (BioNetModel model = resumed.model()) {
      assertThat(resumed.history()).hasSize(6);
      assertThat(model.predict(probe)).isDeepEqualTo(uninterrupted);
      assertThat(model.bandSettings()).isEqualTo(bands);
    }
  }

  @Test
  void gainJitterIsSeededAndChangesWhatIsLearnt() throws Exception {
    var bands = JsonNodeFactory.instance.objectNode();
    InputLayout layout = new InputLayout(new int[] {0, 1}, new boolean[] {true, false});
    TrainingOptions jitter = OPTIONS.withEpochs(2).withGainJitter(0.3);
    float[][][] probe = java.util.Arrays.copyOf(task.windows(), 20);
    float[][][] out = new float[3][][];
    TrainingOptions[] runs = {jitter, jitter, OPTIONS.withEpochs(2)};
    for (int r = 0; r < 3; r++) {
      try (BioNetModel model = new BioNetTrainer(runs[r], layout)
          .train(TINY, bands, task.windows(), task.targets(), null).model()) {
        out[r] = model.predict(probe);
      }
    }
    assertThat(out[1]).as("same seed, same gains").isDeepEqualTo(out[0]);
    assertThat(out[2]).as("without jitter").isNotEqualTo(out[0]);
    assertThat(java.util.Arrays.deepEquals(out[2], out[0])).isFalse();
    assertThatThrownBy(() -> new BioNetTrainer(jitter, new InputLayout(new int[] {0}, new boolean[] {true}))
        .train(TINY, bands, task.windows(), task.targets(), null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layout");
  }

  @Test
  void aCheckpointOfAnotherRunIsRefused(@TempDir Path dir) throws Exception {
    Path checkpoint = dir.resolve("c.ckpt");
    new BioNetTrainer(OPTIONS.withEpochs(1)).train(TINY, JsonNodeFactory.instance.objectNode(), task.windows(),
        task.targets(), checkpoint).model().close();
    BioNetTrainer otherSeed = new BioNetTrainer(OPTIONS.withEpochs(2).withSeed(8));
    assertThatThrownBy(() -> otherSeed.train(TINY, JsonNodeFactory.instance.objectNode(), task.windows(),
        task.targets(), checkpoint))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(checkpoint.toString());
  }

  @Test
  void fineTuningOnAShiftedPersonImprovesOnTheBaseModel() throws Exception {
    SyntheticTask other = SyntheticTask.generate(300, 2, 32, SET, 99);
    // the new person's face sits a little differently: a constant offset on every coordinate
    float[][] shifted = new float[300][];
    for (int f = 0; f < 300; f++) {
      shifted[f] = other.targets()[f].clone();
      for (int c = 0; c < shifted[f].length; c++) {
        shifted[f][c] += 0.03f;
      }
    }
    TimeBlockedSplit.Split split = OPTIONS.split().split(300);
    NormalisedMeanError nme = new NormalisedMeanError(SET);
    float[][] truth = new float[split.validation().length][];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = shifted[split.validation()[i]];
    }
    try (BioNetModel base = new BioNetTrainer(OPTIONS).train(TINY, JsonNodeFactory.instance.objectNode(),
        task.windows(), task.targets(), null).model()) {
      double before = nme.percent(base.predict(other.windowsAt(split.validation())), truth);
      BioNetTrainer.Result tuned = new BioNetTrainer(OPTIONS.withEpochs(4).withLearningRate(1e-3f))
          .fineTune(base, base.bandSettings(), other.windows(), shifted, null);
      try (BioNetModel model = tuned.model()) {
        double after = nme.percent(model.predict(other.windowsAt(split.validation())), truth);
        assertThat(after).isLessThan(before);
        float[][] trainTargets = new float[split.train().length][];
        for (int i = 0; i < trainTargets.length; i++) {
          trainTargets[i] = shifted[split.train()[i]];
        }
        // the scaling is the new data's: its targets' mean moved by the shift, which the base never saw
        assertThat(model.normalisation().targetMean()).containsExactly(
            Normalisation.fit(other.windowsAt(split.train()), trainTargets).targetMean());
      }
    }
  }
}
