package dev.mimik.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

  private static Charts.Series thinned(double[] t, double[] v, int maxPoints) {
    Charts.Thinning thin = new Charts.Thinning("x", t.length, maxPoints);
    for (int i = 0; i < t.length; i++) {
      thin.add(t[i], v[i]);
    }
    return thin.series();
  }

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
    Charts.Series thin = thinned(t, v, 200);
    assertThat(thin.timesSeconds().length).isLessThanOrEqualTo(200);
    assertThat(thin.values()).contains(50.0, -50.0, Double.NaN);
    for (int i = 1; i < thin.timesSeconds().length; i++) {
      assertThat(thin.timesSeconds()[i]).isGreaterThan(thin.timesSeconds()[i - 1]);
    }
    assertThat(thinned(new double[] {1, 2}, new double[] {3, 4}, 200).values()).containsExactly(3, 4);
  }

  /** The thinning, value by value, against its definition worked out here bucket by bucket. */
  @Test
  void thinningAsValuesArriveGivesEachBucketsMinimumAndMaximum() {
    int n = 10_007;
    java.util.Random r = new java.util.Random(3);
    Charts.Thinning thin = new Charts.Thinning("x", n, 200);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i % 997 < 40 ? Double.NaN : r.nextGaussian();
      thin.add(i * 0.5, v[i]);
    }
    List<Double> times = new java.util.ArrayList<>();
    List<Double> values = new java.util.ArrayList<>();
    for (int b = 0; b < 100; b++) {
      int lo = -1;
      int hi = -1;
      for (int i = n * b / 100; i < n * (b + 1) / 100; i++) {
        if (!Double.isNaN(v[i]) && (lo < 0 || v[i] < v[lo])) {
          lo = i;
        }
        if (!Double.isNaN(v[i]) && (hi < 0 || v[i] > v[hi])) {
          hi = i;
        }
      }
      for (int i : new int[] {Math.min(lo, hi), Math.max(lo, hi)}) {
        times.add(i * 0.5);
        values.add(v[i]);
      }
    }
    Charts.Series s = thin.series();
    assertThat(s.timesSeconds()).containsExactly(times.stream().mapToDouble(Double::doubleValue).toArray());
    assertThat(s.values()).containsExactly(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** A recording read block by block draws the chart of the recording held whole. */
  @Test
  void aRecordingReadInBlocksDrawsTheChartOfTheWholeRecording() throws Exception {
    int n = 50_000;
    double[][] x = new double[5][n];
    for (int c = 0; c < 5; c++) {
      for (int i = 0; i < n; i++) {
        x[c][i] = Math.sin(i * (c + 1) / 300.0) + (i == 777 * (c + 1) ? 9 : 0);
      }
    }
    List<dev.mimik.core.data.Channel> channels = new java.util.ArrayList<>();
    for (int c = 0; c < 5; c++) {
      channels.add(new dev.mimik.core.data.Channel("c" + c, "uV", 250, x[c]));
    }
    dev.mimik.core.data.Signal signal = new dev.mimik.core.data.Signal(channels, 3.5, java.util.Optional.empty(),
        List.of());
    var whole = Charts.signals(signal, 4);
    var blocks = new java.util.ArrayDeque<double[][]>();
    for (int from = 0; from < n; from += 1234) {
      int f = from;
      blocks.add(java.util.Arrays.stream(x).map(c -> java.util.Arrays.copyOfRange(c, f, Math.min(n, f + 1234)))
          .toArray(double[][]::new));
    }
    dev.mimik.core.io.SignalStream stream = new dev.mimik.core.io.SignalStream() {
      public java.nio.file.Path file() {
        return null;
      }

      public List<dev.mimik.core.data.Channel> channels() {
        return channels.stream().map(c -> c.withSamples(new double[0])).toList();
      }

      public double startTimeSeconds() {
        return 3.5;
      }

      public java.util.Optional<java.time.LocalDateTime> startDateTime() {
        return java.util.Optional.empty();
      }

      public double[][] next() {
        return blocks.poll();
      }

      public List<dev.mimik.core.data.Annotation> annotations() {
        return List.of();
      }

      public void close() {}
    };
    var streamed = Charts.signals(stream, new long[] {n, n, n, n, n}, 4);
    assertThat(streamed.getSeriesMap().keySet()).containsExactly("c0", "c1", "c2", "c3");
    for (String name : whole.getSeriesMap().keySet()) {
      assertThat(streamed.getSeriesMap().get(name).getXData())
          .containsExactly(whole.getSeriesMap().get(name).getXData());
      assertThat(streamed.getSeriesMap().get(name).getYData())
          .containsExactly(whole.getSeriesMap().get(name).getYData());
      assertThat(streamed.getSeriesMap().get(name).getYData().length).isLessThanOrEqualTo(2000);
    }
  }

  @Test
  void indexRangesReadAsRanges() {
    assertThat(LandmarkSections.ranges(List.of(0, 1, 2, 5, 7, 8))).isEqualTo("0-2, 5, 7-8");
    assertThat(LandmarkSections.ranges(List.of())).isEqualTo("none");
    assertThat(LandmarkSections.ranges(List.of(68, 69))).isEqualTo("68-69");
  }
}
