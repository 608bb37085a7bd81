package dev.mimik.track;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * The time each stage of a {@link TrackingPipeline} spent on each tracked frame, and their summaries: what
 * {@code mimik bench track} prints and {@code mimik track} reports.
 *
 * @param stages the stage names, the pipeline's order
 * @param millis {@code [stage][frame]} milliseconds
 */
public record StageTimings(List<String> stages, double[][] millis) {

  /** Mean, percentiles (nearest rank) and maximum of one stage's times, in milliseconds. */
  public record Summary(double mean, double p50, double p95, double p99, double max) {}

  public StageTimings {
    stages = List.copyOf(stages);
  }

  /**
   * The timings of the frames that were tracked (had landmarks, or headset views), in a pipeline with these stage
   * names.
   */
  public static StageTimings of(List<String> stages, List<Frame> frames) {
    List<Frame> tracked = frames.stream().filter(f -> f.tracked() || f.views() != null).toList();
    double[][] millis = new double[stages.size()][tracked.size()];
    for (int f = 0; f < tracked.size(); f++) {
      for (int s = 0; s < stages.size(); s++) {
        millis[s][f] = tracked.get(f).stageNanos(s) / 1e6;
      }
    }
    return new StageTimings(stages, millis);
  }

  /** The number of frames timed. */
  public int frames() {
    return millis.length == 0 ? 0 : millis[0].length;
  }

  /** One stage's times, milliseconds per frame. */
  public double[] of(String stage) {
    int s = stages.indexOf(stage);
    if (s < 0) {
      throw new IllegalArgumentException("no stage " + stage + " among " + stages);
    }
    return millis[s].clone();
  }

  /** Every stage's time added up, per frame. */
  public double[] total() {
    double[] sum = new double[frames()];
    for (double[] stage : millis) {
      for (int f = 0; f < sum.length; f++) {
        sum[f] += stage[f];
      }
    }
    return sum;
  }

  /** The summary of a series of milliseconds. */
  public static Summary summarise(double[] v) {
    if (v.length == 0) {
      return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_1);
    p.setData(v);
    double max = v[0];
    double sum = 0;
    for (double x : v) {
      max = Math.max(max, x);
      sum += x;
    }
    return new Summary(sum / v.length, p.evaluate(50), p.evaluate(95), p.evaluate(99), max);
  }

  /** Each stage's summary and the total's, in order. */
  public List<Summary> summaries() {
    List<Summary> out = new ArrayList<>();
    for (double[] stage : millis) {
      out.add(summarise(stage));
    }
    out.add(summarise(total()));
    return out;
  }
}
