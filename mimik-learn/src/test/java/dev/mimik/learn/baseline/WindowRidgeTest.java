package dev.mimik.learn.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.SyntheticTask;
import dev.mimik.learn.metric.NormalisedMeanError;
import dev.mimik.learn.train.TimeBlockedSplit;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowRidgeTest {

  private static final LandmarkSet SET = LandmarkSet.IBUG_51;

  /**
   * BioNet's kind of inputs, an envelope (positive, how strongly a muscle works) and a signed EOG trace (which way
   * the eyes look), move the landmarks linearly: the window ridge learns both, the ridge on RMS features loses the
   * EOG's sign.
   */
  @Test
  void learnsWhatTheSignOfAnInputSaysWhereRmsFeaturesCannot() {
    int frames = 1200;
    int samples = 20;
    Random random = new Random(7);
    double[] template = new double[2 * SET.size()];
    double[] byEnvelope = new double[template.length];
    double[] byGaze = new double[template.length];
    for (int c = 0; c < template.length; c++) {
      template[c] = random.nextGaussian();
      byEnvelope[c] = 0.05 * random.nextGaussian();
      byGaze[c] = 0.05 * random.nextGaussian();
    }
    float[][][] windows = new float[frames][2][samples];
    float[][] targets = new float[frames][template.length];
    double envelope = 1;
    double gaze = 0;
    for (int f = 0; f < frames; f++) {
      for (int s = 0; s < samples; s++) {
        envelope = Math.max(0.1, envelope + 0.05 * random.nextGaussian());
        gaze = 0.98 * gaze + 0.1 * random.nextGaussian();
        windows[f][0][s] = (float) (envelope + 0.02 * random.nextGaussian());
        windows[f][1][s] = (float) (gaze + 0.02 * random.nextGaussian());
      }
      for (int c = 0; c < template.length; c++) {
        targets[f][c] = (float) (template[c] + byEnvelope[c] * envelope + byGaze[c] * gaze);
      }
    }
    float[][][] trainW = Arrays.copyOfRange(windows, 0, 900);
    float[][] trainT = Arrays.copyOfRange(targets, 0, 900);
    float[][][] testW = Arrays.copyOfRange(windows, 900, frames);
    float[][] testT = Arrays.copyOfRange(targets, 900, frames);
    WindowRidge fair = WindowRidge.fit(trainW, trainT, SET, new TimeBlockedSplit(0.2, 3, 2));
    RidgeBaseline rms = RidgeBaseline.fit(trainW, trainT, SET, 1.0);
    NormalisedMeanError nme = new NormalisedMeanError(SET);
    double fairNme = nme.percent(fair.predict(testW), testT);
    double rmsNme = nme.percent(rms.predict(testW), testT);
    assertThat(fairNme).isLessThan(0.7 * rmsNme);
    assertThat(WindowRidge.LAMBDAS).contains(fair.lambda());
  }

  /** The penalty is chosen on the training frames' own validation blocks: the same frames give the same choice. */
  @Test
  void choosesItsPenaltyFromTheTrainingFramesAlone() {
    SyntheticTask task = SyntheticTask.generate(600, 2, 16, SET, 9);
    WindowRidge a = WindowRidge.fit(task.windows(), task.targets(), SET, new TimeBlockedSplit(0.2, 3, 2));
    WindowRidge b = WindowRidge.fit(task.windows(), task.targets(), SET, new TimeBlockedSplit(0.2, 3, 2));
    assertThat(a.lambda()).isEqualTo(b.lambda());
    float[][][] probe = SyntheticTask.generate(5, 2, 16, SET, 10).windows();
    assertThat(a.predict(probe)[3]).containsExactly(b.predict(probe)[3]);
  }
}
