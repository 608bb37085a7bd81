package dev.mimik.track.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.learn.ego.EgoClip;
import dev.mimik.learn.ego.EgoFixtures;
import dev.mimik.learn.ego.EgoModel;
import dev.mimik.learn.ego.EgoNetConfig;
import dev.mimik.learn.ego.EgoTrainer;
import dev.mimik.learn.ego.EgoTrainingOptions;
import dev.mimik.track.Frame;
import dev.mimik.track.TrackingPipeline;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headset path through the shared pipeline: a camera covered, then the headset off, then back on. */
class EgoStagesTest {

  @Test
  void failedViewsAreFlaggedAndTheFaceEasesToNeutralWithoutJumping() throws Exception {
    EgoNetConfig config = new EgoNetConfig(16, new int[] {6, 12}, 16, 24, 16, true);
    List<EgoClip> real = EgoFixtures.clips(2, 150, 16, true, 0.2, 1);
    List<EgoClip> synthetic = EgoFixtures.clips(2, 150, 16, false, 0.2, 2);
    EgoTrainingOptions options = new EgoTrainingOptions(2, 40, 12, 3e-3, 0.3, 1, 5, false);
    try (EgoModel model = new EgoTrainer(options).train(config, List.of("a", "b", "c", "d", "e"), real, synthetic,
        null).model()) {
      TrackingPipeline pipeline = new TrackingPipeline(null, List.of(new EgoNetStage(model),
          new EgoCalibrationStage(model.statistics().peaks(), 2)));
      EgoClip clip = EgoFixtures.clips(1, 270, 16, true, 0.2, 9).get(0);
      int n = 16 * 16;
      List<Frame> frames = new ArrayList<>();
      for (int f = 0; f < 270; f++) {
        byte[] views = clip.views()[f].clone();
        if (f >= 90 && f < 150) {
          java.util.Arrays.fill(views, 0, n, (byte) 0); // the left eye camera covered
        } else if (f >= 150 && f < 210) {
          java.util.Arrays.fill(views, (byte) 0); // the headset off: every view dark
        }
        frames.addAll(pipeline.pushViews(f / 30.0, views));
      }
      frames.addAll(pipeline.finish());
      assertThat(frames).hasSize(270);
      long flaggedGood = frames.subList(0, 90).stream().filter(fr -> fr.viewProblem() != null).count();
      assertThat(flaggedGood).isLessThanOrEqualTo(9);
      assertThat(frames.subList(90, 150)).allMatch(fr -> "left eye dark".equals(fr.viewProblem()));
      assertThat(frames.subList(150, 210)).allMatch(fr -> "headset off".equals(fr.viewProblem()));
      double largestStep = 0;
      for (int f = 91; f < 210; f++) {
        double[] a = frames.get(f - 1).blendshapes();
        double[] b = frames.get(f).blendshapes();
        for (int k = 0; k < a.length; k++) {
          largestStep = Math.max(largestStep, Math.abs(a[k] - b[k]));
        }
      }
      assertThat(largestStep).isLessThan(0.2);
      assertThat(java.util.Arrays.stream(frames.get(209).blendshapes()).max().orElseThrow()).isLessThan(0.02);
    }
  }
}
