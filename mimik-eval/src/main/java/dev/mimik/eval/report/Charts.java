package dev.mimik.eval.report;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.SignalStream;
import dev.mimik.eval.landmarks.ErrorCdf;
import dev.mimik.eval.landmarks.LandmarkError;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.landmarks.MetricsTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts mimik's reports show, as XChart charts ready for {@link HtmlReport#chart}: error CDFs, per-landmark and
 * per-participant errors, and signals, landmarks or blendshapes over time. Long series are thinned to a min/max
 * envelope so a chart of an hour-long recording stays small and still shows every spike.
 */
public final class Charts {

  /** Chart size in pixels. */
  public static final int WIDTH = 900;
  public static final int HEIGHT = 380;
  /** Series longer than this are drawn as a min/max envelope of about this many points. */
  static final int MAX_POINTS = 2000;

  /** One line of a time-series chart. */
  public record Series(String name, double[] timesSeconds, double[] values) {
    public Series {
      if (timesSeconds.length != values.length) {
        throw new IllegalArgumentException("times and values differ in length");
      }
    }
  }

  private Charts() {}

  /** The empirical CDFs of errors, one line per named distribution (a model, a baseline, a participant). */
  public static XYChart errorCdf(String title, String errorLabel, Map<String, ErrorCdf> cdfs) {
    XYChart chart = xy(title, errorLabel, "fraction at most");
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    cdfs.forEach((name, cdf) -> {
      double[] sorted = cdf.sortedErrors();
      int n = sorted.length;
      if (n == 0) {
        return;
      }
      // a staircase: at each drawn error the fraction rises from its value before to its value after
      int step = Math.max(1, n / (MAX_POINTS / 2));
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      int previous = 0;
      for (int i = step - 1; ; i = Math.min(i + step, n - 1)) {
        x.add(sorted[i]);
        y.add((double) previous / n);
        x.add(sorted[i]);
        y.add((i + 1.0) / n);
        previous = i + 1;
        if (i == n - 1) {
          break;
        }
      }
      line(chart.addSeries(name, x, y));
    });
    return chart;
  }

  /** Mean NME of each landmark, labelled by its iBUG index. */
  public static CategoryChart perLandmark(LandmarkMetrics metrics) {
    CategoryChart chart = category("Error per landmark", "landmark (iBUG index)", "NME (%)");
    List<String> labels = metrics.perLandmark().stream().map(e -> Integer.toString(e.ibug())).toList();
    List<Double> values = metrics.perLandmark().stream().map(LandmarkError::nmePercent).toList();
    if (!labels.isEmpty()) {
      chart.addSeries("NME (%)", labels, values);
    }
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(90);
    return chart;
  }

  /** NME (%) and MAE (mm) per participant with their standard deviations, as BioFace-3D's Figure 4 (top). */
  public static CategoryChart perParticipant(MetricsTable table) {
    CategoryChart chart = category("Error per participant", "participant", "NME (%) / MAE (mm)");
    List<MetricsTable.Summary> rows = table.perParticipant();
    if (!rows.isEmpty()) {
      List<String> names = rows.stream().map(MetricsTable.Summary::name).toList();
      chart.addSeries("NME (%)", names, rows.stream().map(MetricsTable.Summary::nmePercent).toList(),
          rows.stream().map(MetricsTable.Summary::nmeStdPercent).toList());
      chart.addSeries("MAE (mm)", names, rows.stream().map(MetricsTable.Summary::maeMm).toList(),
          rows.stream().map(MetricsTable.Summary::maeStdMm).toList());
    }
    return chart;
  }

  /** Grouped bars: one group per category, one bar per series (NaN values become 0). */
  public static CategoryChart bars(String title, String xLabel, String yLabel, List<String> categories,
      Map<String, double[]> series) {
    CategoryChart chart = category(title, xLabel, yLabel);
    series.forEach((name, values) -> chart.addSeries(name, categories,
        java.util.Arrays.stream(values).map(v -> Double.isNaN(v) ? 0 : v).boxed().toList()));
    return chart;
  }

  /** Any values over time, one line per series; NaN values leave gaps. */
  public static XYChart timeSeries(String title, String valueLabel, List<Series> series) {
    return thinnedTimeSeries(title, valueLabel, series.stream().map(s -> {
      Thinning thin = new Thinning(s.name(), s.timesSeconds().length);
      for (int i = 0; i < s.timesSeconds().length; i++) {
        thin.add(s.timesSeconds()[i], s.values()[i]);
      }
      return thin.series();
    }).toList());
  }

  /** {@link #timeSeries} of series already thinned ({@link Thinning}), drawn as they are. */
  public static XYChart thinnedTimeSeries(String title, String valueLabel, List<Series> thinned) {
    XYChart chart = xy(title, "time (s)", valueLabel);
    for (Series s : thinned) {
      if (s.timesSeconds().length > 0) {
        line(chart.addSeries(s.name(), s.timesSeconds(), s.values()));
      }
    }
    return chart;
  }

  /** The channels of a biosignal over time (at most {@code maxChannels} of them, in order). */
  public static XYChart signals(Signal signal, int maxChannels) {
    long[] samples = signal.channels().stream().mapToLong(c -> c.samples().length).toArray();
    try (SignalStream stream = SignalStream.of(null, signal)) {
      return signals(stream, samples, maxChannels);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * {@link #signals(Signal, int)} of a recording read block by block, which is never held whole: {@code samples}
   * is each channel's sample count (the thinning's buckets depend on it), known from an earlier pass.
   */
  public static XYChart signals(SignalStream stream, long[] samples, int maxChannels) throws java.io.IOException {
    List<Channel> channels = stream.channels();
    int shown = Math.min(maxChannels, channels.size());
    Thinning[] thin = new Thinning[shown];
    long[] index = new long[shown];
    for (int c = 0; c < shown; c++) {
      thin[c] = new Thinning(channels.get(c).name(), samples[c], MAX_POINTS);
    }
    double start = stream.startTimeSeconds();
    for (double[][] block = stream.next(); block != null; block = stream.next()) {
      for (int c = 0; c < shown; c++) {
        double rate = channels.get(c).samplingRate();
        for (double v : block[c]) {
          if (index[c] < samples[c]) {
            thin[c].add(start + index[c] / rate, v);
          }
          index[c]++;
        }
      }
    }
    String unit = channels.isEmpty() ? "" : channels.get(0).unit();
    return thinnedTimeSeries("Biosignals", unit, java.util.Arrays.stream(thin).map(Thinning::series).toList());
  }

  /**
   * The vertical image coordinate of some landmarks over time, one series per point, already thinned
   * ({@link Thinning}); missing frames are gaps (NaN).
   */
  public static XYChart thinnedLandmarks(List<Series> thinned) {
    return thinnedTimeSeries("Landmarks (vertical position)", "y (px)", thinned);
  }

  /** Blendshape weights over time, one series per shape, already thinned ({@link Thinning}); the axis 0 to 1. */
  public static XYChart thinnedBlendshapes(List<Series> thinned) {
    XYChart chart = thinnedTimeSeries("Blendshapes", "weight", thinned);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    return chart;
  }

  /**
   * Which series vary most (the sum of squared deviations from the mean), over rows of values given twice: every row
   * to {@link #mean}, then every row again to {@link #spread}. Rows may come from a file, never held whole.
   */
  public static final class Activity {
    private final List<String> names;
    private final long rows;
    private final double[] mean;
    private final double[] spread;

    /** For series {@code names} of {@code rows} values each. */
    public Activity(List<String> names, long rows) {
      this.names = List.copyOf(names);
      this.rows = rows;
      this.mean = new double[names.size()];
      this.spread = new double[names.size()];
    }

    /** First pass: one row, a value per series. */
    public void mean(double[] row) {
      for (int k = 0; k < mean.length; k++) {
        mean[k] += row[k] / rows;
      }
    }

    /** Second pass: the same row again. */
    public void spread(double[] row) {
      for (int k = 0; k < spread.length; k++) {
        spread[k] += (row[k] - mean[k]) * (row[k] - mean[k]);
      }
    }

    /** The {@code count} names that vary most, most first. */
    public List<String> mostActive(int count) {
      return IntStream.range(0, names.size()).boxed()
          .sorted(Comparator.comparingDouble((Integer k) -> -spread[k]))
          .limit(count)
          .map(names::get)
          .toList();
    }
  }

  /**
   * A series thinned as its values arrive, for one whose length is known first but which is never held whole: the
   * values unchanged if there are at most {@code maxPoints}, else the minimum and maximum of each of
   * {@code maxPoints / 2} consecutive buckets, in time order; an all-NaN bucket becomes one NaN point (a gap).
   */
  public static final class Thinning {
    private final String name;
    private final long n;
    private final int buckets;
    private final List<double[]> points = new ArrayList<>();
    private long index;
    private int bucket;
    private long bucketEnd;
    private boolean fresh = true;
    private double firstT;
    private double loT;
    private double loV;
    private long lo = -1;
    private double hiT;
    private double hiV;
    private long hi = -1;

    /** A series {@code name} of {@code n} values, drawn with about {@code maxPoints} points. */
    public Thinning(String name, long n, int maxPoints) {
      this.name = name;
      this.n = n;
      this.buckets = n <= maxPoints ? 0 : maxPoints / 2;
      this.bucketEnd = buckets == 0 ? n : n / buckets;
    }

    /** A series of {@code n} values, with {@link #MAX_POINTS}. */
    public Thinning(String name, long n) {
      this(name, n, MAX_POINTS);
    }

    /** The next value and its time; values past the {@code n} announced are refused. */
    public void add(double t, double v) {
      if (index >= n) {
        throw new IllegalStateException("more than the " + n + " values announced");
      }
      if (buckets == 0) {
        points.add(new double[] {t, v});
        index++;
        return;
      }
      if (fresh) {
        firstT = t;
        fresh = false;
      }
      if (!Double.isNaN(v)) {
        if (lo < 0 || v < loV) {
          lo = index;
          loV = v;
          loT = t;
        }
        if (hi < 0 || v > hiV) {
          hi = index;
          hiV = v;
          hiT = t;
        }
      }
      index++;
      if (index == bucketEnd) {
        if (lo < 0) {
          points.add(new double[] {firstT, Double.NaN});
        } else if (lo == hi) {
          points.add(new double[] {loT, loV});
        } else if (lo < hi) {
          points.add(new double[] {loT, loV});
          points.add(new double[] {hiT, hiV});
        } else {
          points.add(new double[] {hiT, hiV});
          points.add(new double[] {loT, loV});
        }
        bucket++;
        bucketEnd = n * (bucket + 1) / buckets;
        lo = -1;
        hi = -1;
        fresh = true;
      }
    }

    /** The points so far (all of them once the {@code n} values are in). */
    public Series series() {
      return new Series(name, points.stream().mapToDouble(p -> p[0]).toArray(),
          points.stream().mapToDouble(p -> p[1]).toArray());
    }
  }

  private static XYChart xy(String title, String xLabel, String yLabel) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setXAxisDecimalPattern("#0.##");
    return chart;
  }

  private static CategoryChart category(String title, String xLabel, String yLabel) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE).setChartBackgroundColor(java.awt.Color.WHITE);
    return chart;
  }

  private static XYSeries line(XYSeries s) {
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }
}
