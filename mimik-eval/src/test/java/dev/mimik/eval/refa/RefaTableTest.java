package dev.mimik.eval.refa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recording -> subject -> dataset arithmetic, the worst lists, Spearman and the truth errors. */
class RefaTableTest {

  private static RefaScores scores(double semantic, double neutral) {
    Map<RefaMetric, Double> m = new EnumMap<>(RefaMetric.class);
    m.put(RefaMetric.SEMANTIC_ACCURACY, semantic);
    m.put(RefaMetric.NEUTRALNESS, neutral);
    return new RefaScores(m);
  }

  @Test
  void eachLevelWeighsItsChildrenEquallyAndSkipsUndefinedMetrics() {
    RefaTable t = new RefaTable(List.of(
        new RefaTable.Entry("s1", "s1/a", scores(1.0, 0.9)),
        new RefaTable.Entry("s1", "s1/b", scores(0.5, Double.NaN)),
        new RefaTable.Entry("s2", "s2/c", scores(0.2, 0.5))));
    List<RefaTable.Row> subjects = t.perSubject();
    assertThat(subjects).extracting(RefaTable.Row::name).containsExactly("s1", "s2");
    assertThat(subjects.get(0).scores().get(RefaMetric.SEMANTIC_ACCURACY)).isCloseTo(0.75, within(1e-12));
    assertThat(subjects.get(0).scores().get(RefaMetric.NEUTRALNESS)).isCloseTo(0.9, within(1e-12));
    assertThat(subjects.get(0).recordings()).isEqualTo(2);
    RefaTable.Row d = t.dataset();
    // the dataset averages subjects, not recordings: (0.75 + 0.2) / 2, not (1 + 0.5 + 0.2) / 3
    assertThat(d.scores().get(RefaMetric.SEMANTIC_ACCURACY)).isCloseTo(0.475, within(1e-12));
    assertThat(d.scores().get(RefaMetric.NEUTRALNESS)).isCloseTo(0.7, within(1e-12));
    assertThat(d.scores().get(RefaMetric.SMOOTHNESS)).isNaN();
    assertThat(d.recordings()).isEqualTo(3);
    // worst first by the mean of the defined metrics: c 0.35, b 0.5, a 0.95
    assertThat(t.worstRecordings(2)).extracting(RefaTable.Row::name).containsExactly("s2/c", "s1/b");
    assertThat(t.worstSubjects(5)).extracting(RefaTable.Row::name).containsExactly("s2", "s1");
  }

  @Test
  void spearmanRanksWithTies() {
    List<double[]> p = new ArrayList<>();
    double[][] v = {{1, 10}, {2, 20}, {3, 30}, {4, 40}};
    for (double[] x : v) {
      p.add(x);
    }
    assertThat(Spearman.of(p)).isCloseTo(1, within(1e-12));
    p.add(new double[] {5, 0});
    // ranks a = 1..5, b = 2,3,4,5,1: r = 1 - 6 * sum d^2 / (n (n^2 - 1)) = 1 - 6 * 20 / 120 = 0
    assertThat(Spearman.of(p)).isCloseTo(0, within(1e-12));
    assertThat(Spearman.ranks(new double[] {3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
    assertThat(Spearman.of(List.of(new double[] {1, 1}, new double[] {2, 2}))).isNaN();
  }

  @Test
  void truthErrorsAreMeansOverFramesAndShapes() {
    TruthErrors e = new TruthErrors();
    double[] p = new double[52];
    double[] t = new double[52];
    p[0] = 0.5;
    e.frame(p, t, 2.0);
    p[0] = 1.0;
    t[0] = 1.0;
    e.frame(p, t, 4.0);
    assertThat(e.mae()).isCloseTo(0.5 / (2 * 52), within(1e-12));
    assertThat(e.mae(0)).isCloseTo(0.25, within(1e-12));
    assertThat(e.meshErrorMm()).isCloseTo(3.0, within(1e-12));
    TruthErrors more = new TruthErrors();
    more.add(e);
    double[] q = new double[52];
    q[0] = 0.0;
    double[] u = new double[52];
    u[0] = 0.5;
    more.frame(q, u, 0);
    // shape 0: truth 0, 1, 0.5; prediction 0.5, 1, 0: r = -0.5... computed from the sums
    assertThat(more.pearson(0)).isCloseTo(pearson(new double[] {0, 1, 0.5}, new double[] {0.5, 1, 0}), within(1e-12));
    assertThat(more.pearson(1)).isNaN();
  }

  private static double pearson(double[] x, double[] y) {
    double mx = (x[0] + x[1] + x[2]) / 3;
    double my = (y[0] + y[1] + y[2]) / 3;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < 3; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
