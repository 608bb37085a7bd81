package dev.mimik.eval.report;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
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
    XYChart chart = xy(title, "time (s)", valueLabel);
    for (Series s : series) {
      double[][] thin = envelope(s.timesSeconds(), s.values(), MAX_POINTS);
      if (thin[0].length > 0) {
        line(chart.addSeries(s.name(), thin[0], thin[1]));
      }
    }
    return chart;
  }

  /** The channels of a biosignal over time (at most {@code maxChannels} of them, in order). */
  public static XYChart signals(Signal signal, int maxChannels) {
    List<Series> series = new ArrayList<>();
    for (int c = 0; c < Math.min(maxChannels, signal.channelCount()); c++) {
      Channel ch = signal.channel(c);
      double[] t = new double[ch.samples().length];
      for (int i = 0; i < t.length; i++) {
        t[i] = signal.startTimeSeconds() + i / ch.samplingRate();
      }
      series.add(new Series(ch.name(), t, ch.samples()));
    }
    String unit = signal.channelCount() > 0 ? signal.channel(0).unit() : "";
    return timeSeries("Biosignals", unit, series);
  }

  /** The vertical image coordinate of some landmarks over time (points by position in the track); missing frames are gaps. */
  public static XYChart landmarks(LandmarkTrack track, Map<String, Integer> points) {
    List<Series> series = new ArrayList<>();
    points.forEach((name, point) -> {
      double[] y = IntStream.range(0, track.frameCount())
          .mapToDouble(f -> track.missing()[f] ? Double.NaN : track.y(f, point)).toArray();
      series.add(new Series(name, track.timesSeconds(), y));
    });
    return timeSeries("Landmarks (vertical position)", "y (px)", series);
  }

  /** Blendshape weights over time: the named ones, or the {@code count} that vary most when none are named. */
  public static XYChart blendshapes(BlendshapeTrack track, List<String> names, int count) {
    List<String> chosen = names.isEmpty() ? mostActive(track, count) : names;
    List<Series> series = chosen.stream().map(n -> new Series(n, track.timesSeconds(), track.column(n))).toList();
    XYChart chart = timeSeries("Blendshapes", "weight", series);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    return chart;
  }

  private static List<String> mostActive(BlendshapeTrack track, int count) {
    return track.names().stream()
        .sorted(Comparator.comparingDouble((String n) -> -variance(track.column(n))))
        .limit(count)
        .toList();
  }

  private static double variance(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x / v.length;
    }
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return s;
  }

  /**
   * The series unchanged if short, else the minimum and maximum of each of {@code maxPoints / 2} consecutive
   * buckets, in time order; an all-NaN bucket becomes one NaN point (a gap).
   */
  static double[][] envelope(double[] t, double[] v, int maxPoints) {
    int n = t.length;
    if (n <= maxPoints) {
      return new double[][] {t.clone(), v.clone()};
    }
    int buckets = maxPoints / 2;
    List<double[]> points = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) n * b / buckets);
      int to = (int) ((long) n * (b + 1) / buckets);
      int lo = -1;
      int hi = -1;
      for (int i = from; i < to; i++) {
        if (Double.isNaN(v[i])) {
          continue;
        }
        if (lo < 0 || v[i] < v[lo]) {
          lo = i;
        }
        if (hi < 0 || v[i] > v[hi]) {
          hi = i;
        }
      }
      if (lo < 0) {
        points.add(new double[] {t[from], Double.NaN});
      } else {
        points.add(new double[] {t[Math.min(lo, hi)], v[Math.min(lo, hi)]});
        if (lo != hi) {
          points.add(new double[] {t[Math.max(lo, hi)], v[Math.max(lo, hi)]});
        }
      }
    }
    return new double[][] {
        points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray()};
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
