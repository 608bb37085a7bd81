package dev.mimik.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

  @Test
  void aLongSeriesKeepsEveryBucketsExtremesInTimeOrder() {
    int n = 10_000;
    double[] t = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
      v[i] = Math.sin(i / 100.0);
    }
    v[4321] = 50; // a spike must survive
    v[7000] = -50;
    for (int i = 100; i < 300; i++) {
      v[i] = Double.NaN; // a whole bucket lost: a gap
    }
    double[][] thin = Charts.envelope(t, v, 200);
    assertThat(thin[0].length).isLessThanOrEqualTo(200);
    assertThat(thin[1]).contains(50.0, -50.0, Double.NaN);
    for (int i = 1; i < thin[0].length; i++) {
      assertThat(thin[0][i]).isGreaterThan(thin[0][i - 1]);
    }
    assertThat(Charts.envelope(new double[] {1, 2}, new double[] {3, 4}, 200)[1]).containsExactly(3, 4);
  }

  @Test
  void indexRangesReadAsRanges() {
    assertThat(LandmarkSections.ranges(List.of(0, 1, 2, 5, 7, 8))).isEqualTo("0-2, 5, 7-8");
    assertThat(LandmarkSections.ranges(List.of())).isEqualTo("none");
    assertThat(LandmarkSections.ranges(List.of(68, 69))).isEqualTo("68-69");
  }
}
