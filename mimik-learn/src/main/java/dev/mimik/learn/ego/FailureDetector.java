package dev.mimik.learn.ego;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tells whether a frame's views can be trusted (REFA §3's failure detection): each view is compared with what the
 * training views of its slot looked like ({@link EgoStatistics.ViewStatistics}). A view is {@code DARK} when its
 * mean gray level falls below half the darkest training views' (a covered lens, LEDs off), {@code FLAT} when it
 * has less than half their contrast (a lens against skin or cloth), {@code SATURATED} when more of it is at full
 * scale than ever in training (sunlight, a reflection), and {@code UNFAMILIAR} when its image features lie farther
 * from the training features than {@link #UNFAMILIAR_MARGIN} times the 99.5th percentile of the training views' own
 * distance (out of distribution: a slipped headset, something else in view). When every view fails, the headset is
 * taken to be off.
 */
public final class FailureDetector {

  /** What can be wrong with one view. */
  public enum Problem {
    DARK, FLAT, SATURATED, UNFAMILIAR
  }

  /** Margin over the training views' 99.5th percentile of unfamiliarity before a view counts as unfamiliar. */
  public static final double UNFAMILIAR_MARGIN = 2.0;
  /** Below this share of full-scale pixels a view never counts as saturated. */
  static final double SATURATED_FLOOR = 0.05;
  /** A feature's spread is never taken below this, so a feature that never moved in training cannot dominate. */
  private static final double MIN_FEATURE_STD = 1e-2;

  /**
   * The verdict on one frame.
   *
   * @param problems per view slot its problem, or null when the view is fine
   * @param headsetOff true when no view is fine
   */
  public record Check(Problem[] problems, boolean headsetOff) {

    public Check {
      problems = problems.clone();
    }

    @Override
    public Problem[] problems() {
      return problems.clone();
    }

    /** True when every view is fine. */
    public boolean ok() {
      return Arrays.stream(problems).allMatch(p -> p == null);
    }

    /** One line: {@code ok}, {@code headset off}, or the failing views ({@code left eye dark}). */
    public String describe() {
      if (ok()) {
        return "ok";
      }
      if (headsetOff) {
        return "headset off";
      }
      List<String> parts = new ArrayList<>();
      for (int v = 0; v < problems.length; v++) {
        if (problems[v] != null) {
          parts.add(EgoViews.values()[v].describe() + " " + problems[v].name().toLowerCase(java.util.Locale.ROOT));
        }
      }
      return String.join(", ", parts);
    }
  }

  private final EgoStatistics statistics;

  public FailureDetector(EgoStatistics statistics) {
    this.statistics = statistics;
  }

  /** Checks a frame's views ({@link ViewImages#frame}, {@code size x size}) and the features the network found. */
  public Check check(byte[] frame, int size, float[] features) {
    Problem[] problems = new Problem[EgoViews.COUNT];
    int failed = 0;
    for (int v = 0; v < EgoViews.COUNT; v++) {
      EgoStatistics.ViewStatistics s = statistics.views().get(v);
      double[] st = ViewImages.statistics(frame, v, size);
      if (st[0] < 0.5 * s.meanLow()) {
        problems[v] = Problem.DARK;
      } else if (st[1] < 0.5 * s.contrastLow()) {
        problems[v] = Problem.FLAT;
      } else if (st[2] > Math.max(SATURATED_FLOOR, 2 * s.saturatedHigh())) {
        problems[v] = Problem.SATURATED;
      } else if (unfamiliarity(features, v) > UNFAMILIAR_MARGIN * s.unfamiliarHigh()) {
        problems[v] = Problem.UNFAMILIAR;
      }
      failed += problems[v] != null ? 1 : 0;
    }
    return new Check(problems, failed == EgoViews.COUNT);
  }

  /** How far a view's features lie from its slot's training features: mean squared standardised deviation. */
  public double unfamiliarity(float[] features, int view) {
    return unfamiliarity(statistics.views().get(view), features, view);
  }

  private static double unfamiliarity(EgoStatistics.ViewStatistics s, float[] features, int view) {
    double[] mean = s.featureMean();
    double[] std = s.featureStd();
    int f = mean.length;
    double sum = 0;
    for (int i = 0; i < f; i++) {
      double z = (features[view * f + i] - mean[i]) / Math.max(MIN_FEATURE_STD, std[i]);
      sum += z * z;
    }
    return sum / f;
  }

  /**
   * Measures a model's statistics on (a sample of) its training frames.
   *
   * @param peaks the range-of-motion reference to store with them
   * @param maxFrames at most this many frames, spread evenly over the recordings
   */
  public static EgoStatistics measure(EgoModel model, List<EgoClip> clips, double[] peaks, int maxFrames) {
    int total = clips.stream().mapToInt(EgoClip::frames).sum();
    int stride = Math.max(1, total / Math.max(1, maxFrames));
    List<byte[]> frames = new ArrayList<>();
    int k = 0;
    for (EgoClip c : clips) {
      for (byte[] f : c.views()) {
        if (k++ % stride == 0) {
          frames.add(f);
        }
      }
    }
    int n = frames.size();
    int size = model.imageSize();
    float[][] features = new float[n][];
    for (int from = 0; from < n; from += 128) {
      int to = Math.min(n, from + 128);
      float[][] fe = model.run(frames.subList(from, to).toArray(byte[][]::new)).features();
      System.arraycopy(fe, 0, features, from, to - from);
    }
    int per = model.config().featuresPerView();
    List<EgoStatistics.ViewStatistics> views = new ArrayList<>();
    for (int v = 0; v < EgoViews.COUNT; v++) {
      double[][] st = new double[3][n];
      double[] mean = new double[per];
      double[] sq = new double[per];
      for (int i = 0; i < n; i++) {
        double[] s = ViewImages.statistics(frames.get(i), v, size);
        for (int a = 0; a < 3; a++) {
          st[a][i] = s[a];
        }
        for (int j = 0; j < per; j++) {
          double x = features[i][v * per + j];
          mean[j] += x / n;
          sq[j] += x * x / n;
        }
      }
      double[] std = new double[per];
      for (int j = 0; j < per; j++) {
        std[j] = Math.sqrt(Math.max(0, sq[j] - mean[j] * mean[j]));
      }
      EgoStatistics.ViewStatistics partial = new EgoStatistics.ViewStatistics(0, 0, 0, 0, mean, std, 0);
      double[] unfamiliar = new double[n];
      for (int i = 0; i < n; i++) {
        unfamiliar[i] = unfamiliarity(partial, features[i], v);
      }
      views.add(new EgoStatistics.ViewStatistics(quantile(st[0], 0.005), quantile(st[0], 0.995),
          quantile(st[1], 0.005), quantile(st[2], 0.995), mean, std, quantile(unfamiliar, 0.995)));
    }
    return new EgoStatistics(peaks, views);
  }

  static double quantile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    double x = q * (s.length - 1);
    int i = (int) Math.floor(x);
    return i + 1 < s.length ? s[i] + (x - i) * (s[i + 1] - s[i]) : s[i];
  }
}
