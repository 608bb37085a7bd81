package dev.mimik.learn.eifer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MapMetricsMaskTest {

  /** Frames left out of one column change only that column, and equal scoring the kept frames alone. */
  @Test
  void masksColumnByColumn() {
    double[][] truth = new double[50][2];
    double[][] pred = new double[50][2];
    boolean[][] keep = new boolean[50][2];
    for (int i = 0; i < 50; i++) {
      truth[i][0] = Math.sin(i * 0.3);
      truth[i][1] = Math.cos(i * 0.2);
      pred[i][0] = truth[i][0] + (i >= 40 ? 5 : 0.01 * Math.cos(i));
      pred[i][1] = truth[i][1] + (i >= 40 ? 5 : 0);
      keep[i][0] = i < 40;
      keep[i][1] = true;
    }
    MapMetrics all = MapMetrics.of(pred, truth);
    MapMetrics masked = MapMetrics.of(pred, truth, keep);
    double[][] t40 = java.util.Arrays.copyOf(truth, 40);
    double[][] p40 = java.util.Arrays.copyOf(pred, 40);
    MapMetrics first = MapMetrics.of(p40, t40);
    assertThat(masked.pearson()[0]).isEqualTo(first.pearson()[0]).isGreaterThan(0.99);
    assertThat(masked.r2()[0]).isEqualTo(first.r2()[0]);
    assertThat(all.pearson()[0]).isLessThan(0.9);
    assertThat(masked.pearson()[1]).isEqualTo(all.pearson()[1]);
    assertThat(masked.mae()[1]).isEqualTo(all.mae()[1]);
  }
}
