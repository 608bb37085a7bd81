package dev.mimik.eval.refa;

import dev.mimik.core.data.ArtPriors;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.data.PromptSegment.Eyes;
import dev.mimik.core.data.PromptSegment.Kind;
import dev.mimik.core.data.PromptSegment.Lips;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * REFA's five metrics of one recording's blendshapes, from its protocol segments alone (no ground truth). The
 * formulas are those of {@code docs/refa-metrics.md}, and the constants below are part of them: change them and
 * the numbers stop being comparable.
 *
 * <ul>
 *   <li>semantic accuracy, per peak segment with art priors: each key blendshape's reach (90th percentile over the
 *       apex) scores {@code clamp((reach - 0.4 a) / (0.4 a), 0, 1)} against its expected activation {@code a}, full
 *       marks from 80 % of it; the segment scores the mean over its keys;
 *   <li>neutralness, per neutral segment: the share of apex frames where every blendshape except eyeBlink and
 *       eyeLook (people blink and look around at rest) stays at or below 0.15;
 *   <li>smoothness, per recording: {@code exp(-m / 88)}, {@code m} the mean absolute second derivative (per
 *       second squared) of the blendshapes that move (range at least 0.05); 88 is what white noise of 0.05 gives at
 *       30 frames per second, so such jitter scores 1/e;
 *   <li>eye closure, per segment asking for closed eyes or a wink: the share of apex frames where each eye asked to
 *       close is at least 80 % closed on the avatar and, in a wink, the other eye at most 50 % closed;
 *   <li>mouth closure, per segment asking for closed lips (neutral rests included): the share of apex frames where
 *       the avatar's lips part by at most 1 mm more than at neutral.
 * </ul>
 * A recording's metric is the mean over its segments of that kind (NaN if it has none).
 */
public final class RefaMetrics {

  static final double REACH_PERCENTILE = 0.9;
  static final double SEMANTIC_ZERO = 0.4;
  static final double SEMANTIC_FULL = 0.8;
  static final double NEUTRAL_THRESHOLD = 0.15;
  /**
   * The mean |w''| (1/s^2) of white noise of standard deviation 0.05 on a coefficient at 30 frames per second,
   * {@code 900 * sqrt(6) * 0.05 * sqrt(2 / pi)}: such jitter scores {@code 1/e}.
   */
  static final double SMOOTHNESS_SCALE = 88;
  static final double MOVING_RANGE = 0.05;
  static final double EYE_CLOSED = 0.8;
  static final double EYE_OPEN = 0.5;
  static final double LIPS_CLOSED_MM = 1.0;

  private static final int N = Blendshapes.ARKIT_52.size();

  private final ArtPriors priors;
  private final AvatarGauge avatar;

  public RefaMetrics(ArtPriors priors, AvatarGauge avatar) {
    this.priors = priors;
    this.avatar = avatar;
  }

  /** The five metrics of a recording. */
  public RefaScores score(BlendshapeTrack track, List<PromptSegment> segments) {
    Map<RefaMetric, List<Double>> by = new EnumMap<>(RefaMetric.class);
    for (SegmentScore s : segmentScores(track, segments)) {
      by.computeIfAbsent(s.metric(), k -> new ArrayList<>()).add(s.score());
    }
    Map<RefaMetric, Double> v = new EnumMap<>(RefaMetric.class);
    by.forEach((m, list) -> v.put(m, list.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
    v.put(RefaMetric.SMOOTHNESS, smoothness(track));
    return new RefaScores(v);
  }

  /** Every segment's score on each of the four segment metrics it takes part in. */
  public List<SegmentScore> segmentScores(BlendshapeTrack track, List<PromptSegment> segments) {
    double[][] w = arkit(track);
    double[] t = track.timesSeconds();
    List<SegmentScore> out = new ArrayList<>();
    for (PromptSegment s : segments) {
      int[] apex = frames(t, s.apexStartS(), s.apexEndS());
      if (apex.length == 0) {
        continue;
      }
      Map<String, Double> keys = priors.expected(s.prompt());
      if (s.kind() == Kind.PEAK && !keys.isEmpty()) {
        out.add(new SegmentScore(s, RefaMetric.SEMANTIC_ACCURACY, semantic(w, apex, keys)));
      }
      if (s.kind() == Kind.NEUTRAL) {
        out.add(new SegmentScore(s, RefaMetric.NEUTRALNESS, neutral(w, apex)));
      }
      if (s.eyes() == Eyes.CLOSED || s.eyes() == Eyes.LEFT_CLOSED || s.eyes() == Eyes.RIGHT_CLOSED) {
        out.add(new SegmentScore(s, RefaMetric.EYE_CLOSURE, eyes(w, apex, s.eyes())));
      }
      if (s.lips() == Lips.CLOSED) {
        out.add(new SegmentScore(s, RefaMetric.MOUTH_CLOSURE, lips(w, apex)));
      }
    }
    return out;
  }

  /**
   * Eye closure on the recording's wink segments alone (one eye asked to close, the other to stay open): the mean of
   * their {@link RefaMetric#EYE_CLOSURE} scores, NaN if it has none. Part of eye closure, reported apart because a
   * model that closes both eyes together scores well on closed-eye segments and fails every wink.
   */
  public double winkEyeClosure(BlendshapeTrack track, List<PromptSegment> segments) {
    return segmentScores(track, segments).stream()
        .filter(s -> s.metric() == RefaMetric.EYE_CLOSURE && isWink(s.segment()))
        .mapToDouble(SegmentScore::score).average().orElse(Double.NaN);
  }

  /** Whether a segment asks for a wink: exactly one eye closed. */
  public static boolean isWink(PromptSegment s) {
    return s.eyes() == Eyes.LEFT_CLOSED || s.eyes() == Eyes.RIGHT_CLOSED;
  }

  /** {@code exp(-m / 88)}, {@code m} the mean |second derivative| (1/s^2) of the moving blendshapes; 1 if none moves. */
  public double smoothness(BlendshapeTrack track) {
    double[][] w = arkit(track);
    double[] t = track.timesSeconds();
    if (t.length < 3) {
      return Double.NaN;
    }
    double sum = 0;
    long count = 0;
    for (int k = 0; k < N; k++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] row : w) {
        lo = Math.min(lo, row[k]);
        hi = Math.max(hi, row[k]);
      }
      if (hi - lo < MOVING_RANGE) {
        continue;
      }
      for (int f = 1; f + 1 < t.length; f++) {
        double h1 = t[f] - t[f - 1];
        double h2 = t[f + 1] - t[f];
        double d2 = 2 * ((w[f + 1][k] - w[f][k]) / h2 - (w[f][k] - w[f - 1][k]) / h1) / (h1 + h2);
        sum += Math.abs(d2);
        count++;
      }
    }
    return count == 0 ? 1 : Math.exp(-(sum / count) / SMOOTHNESS_SCALE);
  }

  private static double semantic(double[][] w, int[] apex, Map<String, Double> keys) {
    double s = 0;
    for (var e : keys.entrySet()) {
      int k = Blendshapes.indexOf(e.getKey());
      double[] v = new double[apex.length];
      for (int i = 0; i < apex.length; i++) {
        v[i] = w[apex[i]][k];
      }
      double reach = percentile(v, REACH_PERCENTILE);
      double a = e.getValue();
      s += clamp01((reach - SEMANTIC_ZERO * a) / ((SEMANTIC_FULL - SEMANTIC_ZERO) * a));
    }
    return s / keys.size();
  }

  private static double neutral(double[][] w, int[] apex) {
    int ok = 0;
    for (int f : apex) {
      boolean still = true;
      for (int k = 0; k < N && still; k++) {
        String name = Blendshapes.ARKIT_52.get(k);
        if (!name.startsWith("eyeBlink") && !name.startsWith("eyeLook") && w[f][k] > NEUTRAL_THRESHOLD) {
          still = false;
        }
      }
      ok += still ? 1 : 0;
    }
    return (double) ok / apex.length;
  }

  private double eyes(double[][] w, int[] apex, Eyes asked) {
    int ok = 0;
    for (int f : apex) {
      double left = avatar.eyeClosure(w[f], true);
      double right = avatar.eyeClosure(w[f], false);
      boolean good = (asked.leftClosed() ? left >= EYE_CLOSED : left <= EYE_OPEN)
          && (asked.rightClosed() ? right >= EYE_CLOSED : right <= EYE_OPEN);
      ok += good ? 1 : 0;
    }
    return (double) ok / apex.length;
  }

  private double lips(double[][] w, int[] apex) {
    int ok = 0;
    for (int f : apex) {
      ok += avatar.lipGapMm(w[f]) <= LIPS_CLOSED_MM ? 1 : 0;
    }
    return (double) ok / apex.length;
  }

  /** The track's weights in ARKit-52 order (names it lacks are 0). */
  static double[][] arkit(BlendshapeTrack track) {
    int[] from = new int[N];
    for (int k = 0; k < N; k++) {
      from[k] = track.names().indexOf(Blendshapes.ARKIT_52.get(k));
    }
    double[][] out = new double[track.frameCount()][N];
    for (int f = 0; f < out.length; f++) {
      for (int k = 0; k < N; k++) {
        out[f][k] = from[k] < 0 ? 0 : track.weights()[f][from[k]];
      }
    }
    return out;
  }

  /** Indices of the frames whose time lies in [a, b]. */
  static int[] frames(double[] t, double a, double b) {
    int lo = Arrays.binarySearch(t, a);
    lo = lo >= 0 ? lo : -lo - 1;
    int hi = lo;
    while (hi < t.length && t[hi] <= b) {
      hi++;
    }
    int[] out = new int[hi - lo];
    for (int i = 0; i < out.length; i++) {
      out[i] = lo + i;
    }
    return out;
  }

  static double percentile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    double x = q * (s.length - 1);
    int i = (int) Math.floor(x);
    return i + 1 < s.length ? s[i] + (x - i) * (s[i + 1] - s[i]) : s[i];
  }

  private static double clamp01(double x) {
    return Math.max(0, Math.min(1, x));
  }
}
