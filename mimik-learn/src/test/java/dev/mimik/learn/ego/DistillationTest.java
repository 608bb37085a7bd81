package dev.mimik.learn.ego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistillationTest {

  /** A score that needs no truth, as REFA's metrics: minus the mean absolute second difference (jitter). */
  static double smoothness(List<double[][]> predictions) {
    double sum = 0;
    long n = 0;
    for (double[][] p : predictions) {
      for (int f = 2; f < p.length; f++) {
        for (int k = 0; k < p[f].length; k++) {
          sum += Math.abs(p[f][k] - 2 * p[f - 1][k] + p[f - 2][k]);
          n++;
        }
      }
    }
    return -sum / n;
  }

  @Test
  void eachRoundSelectsThePoolsBestByTheScoreAndTheirEnsembleLabelsTheNextRound() throws Exception {
    List<EgoClip> real = EgoFixtures.clips(2, 90, 16, true, 0.2, 11);
    List<EgoClip> synthetic = EgoFixtures.clips(2, 90, 16, false, 0.2, 12);
    EgoTrainingOptions options = EgoTrainerTest.OPTIONS.withEpochs(1, 8);
    Distillation.Settings settings = new Distillation.Settings(2, 2, 1.5);
    record Seen(int round, String name, double score, boolean selected) {}
    List<Seen> seen = new ArrayList<>();
    List<double[]> ensembles = new ArrayList<>();
    List<List<double[][]>> ensembleLabels = new ArrayList<>();
    List<Integer> labelRounds = new ArrayList<>();
    Distillation.Observer observer = new Distillation.Observer() {
      @Override
      public void labels(int round, List<double[][]> labels, List<double[][]> post) {
        labelRounds.add(round);
        // round 1 learns from the pseudo labels, each later round (and the final model) from the ensemble before
        List<double[][]> expected = round == 1 ? real.stream().map(EgoClip::labels).toList()
            : ensembleLabels.get(round - 2);
        assertThat(labels).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
          assertThat(labels.get(i)).isDeepEqualTo(expected.get(i));
        }
        assertThat(post).hasSameSizeAs(labels);
        assertThat(java.util.Arrays.deepEquals(post.get(0), labels.get(0))).isFalse();
      }

      @Override
      public void model(int round, String name, EgoModel model, double score, boolean selected) {
        assertThat(score).isEqualTo(smoothness(Distillation.predict(model, real)));
        seen.add(new Seen(round, name, score, selected));
      }

      @Override
      public void ensemble(int round, List<EgoModel> members, double score) {
        assertThat(members).hasSize(2);
        List<double[][]> mean = Distillation.ensemble(members, real);
        assertThat(score).isEqualTo(smoothness(mean));
        // the ensemble (the round's labels, REFA Table 2's "ensemble") is the mean of its members' outputs
        for (int i = 0; i < real.size(); i++) {
          double[][] a = members.get(0).blendshapes(real.get(i));
          double[][] b = members.get(1).blendshapes(real.get(i));
          for (int f = 0; f < a.length; f++) {
            for (int k = 0; k < a[f].length; k++) {
              assertThat(mean.get(i)[f][k]).isCloseTo((a[f][k] + b[f][k]) / 2, within(1e-6));
            }
          }
        }
        ensembles.add(new double[] {round, score});
        ensembleLabels.add(mean);
      }
    };
    Distillation.Result r = new Distillation(EgoTrainerTest.TINY, options, settings, EgoTrainerTest.CAMERAS)
        .run(real, synthetic, DistillationTest::smoothness, observer);
    try (EgoModel model = r.model()) {
      assertThat(seen).extracting(Seen::name).startsWith("initial").endsWith("final");
      for (int round = 1; round <= 2; round++) {
        int t = round;
        List<Seen> pool = seen.stream().filter(s -> s.round() == t).toList();
        assertThat(pool).hasSize(4);
        double worstSelected = pool.stream().filter(Seen::selected).mapToDouble(Seen::score).min().orElseThrow();
        double bestLeft = pool.stream().filter(s -> !s.selected()).mapToDouble(Seen::score).max().orElseThrow();
        assertThat(pool.stream().filter(Seen::selected)).hasSize(2);
        assertThat(worstSelected).isGreaterThanOrEqualTo(bestLeft);
        assertThat(pool).extracting(Seen::name).anyMatch(n -> n.startsWith("post-")).anyMatch(n -> n.startsWith("raw-"));
      }
      assertThat(ensembles).hasSize(2);
      assertThat(labelRounds).containsExactly(1, 2, 3);
      assertThat(r.ensembleScores()).containsExactly(ensembles.get(0)[1], ensembles.get(1)[1]);
      assertThat(model.blendshapes(real.get(0))).hasNumberOfRows(90);
    }
  }

  @Test
  void postProcessingCalibratesEachSubjectToTheReferenceReachAndSmooths() {
    List<EgoClip> real = EgoFixtures.clips(2, 300, 16, true, 0.2, 21);
    List<double[][]> muted = new ArrayList<>();
    for (EgoClip c : real) {
      double[][] m = new double[c.frames()][];
      for (int f = 0; f < m.length; f++) {
        m[f] = c.labels()[f].clone();
        m[f][EgoFixtures.JAW] *= 0.6;
      }
      muted.add(m);
    }
    var reference = dev.mimik.learn.ego.post.RangeOfMotion.of(dev.mimik.learn.ego.post.RangeOfMotion.peaks(
        real.stream().map(EgoClip::labels).toList()));
    Distillation d = new Distillation(EgoTrainerTest.TINY, EgoTrainerTest.OPTIONS,
        new Distillation.Settings(1, 1, 0), EgoTrainerTest.CAMERAS);
    List<double[][]> post = d.postProcess(real, muted, reference);
    double before = 0;
    double after = 0;
    for (int i = 0; i < real.size(); i++) {
      before += EgoTrainerTest.mae(muted.get(i), real.get(i).labels(), EgoFixtures.JAW);
      after += EgoTrainerTest.mae(post.get(i), real.get(i).labels(), EgoFixtures.JAW);
    }
    assertThat(after).isLessThan(0.5 * before);
  }
}
