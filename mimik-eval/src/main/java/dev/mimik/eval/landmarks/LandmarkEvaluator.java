package dev.mimik.eval.landmarks;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Compares a predicted landmark track with the ground truth: {@code nme_percent}, {@code mae_mm}, per-landmark
 * errors and per-frame errors.
 *
 * <p>Frames are matched by time: each ground-truth frame takes the nearest predicted frame if it lies within half
 * a frame (half the median ground-truth frame interval); frames missing on either side are skipped and counted.
 * Points are matched by their iBUG index, so a 51-point prediction is compared with a 68-point ground truth on the
 * 51 points they share; landmarks absent (or NaN in every frame) in the prediction are excluded and reported.
 * A track's points are read as iBUG 0.. in order when it holds 68 points (or 70, with the pupils 68 and 69), and
 * as {@link LandmarkSet#IBUG_51} or {@link LandmarkSet#IBUG_53} when it holds 51 or 53.
 */
public final class LandmarkEvaluator {

  /** The outer-eye-corner distance assumed for millimetres unless told otherwise. */
  public static final double DEFAULT_EYE_CORNERS_MM = 90.0;

  private final double eyeCornersMm;
  private final Optional<LandmarkSet> restriction;

  /** Evaluates every landmark the ground truth holds, with the default 90 mm eye-corner distance. */
  public LandmarkEvaluator() {
    this(DEFAULT_EYE_CORNERS_MM, Optional.empty());
  }

  /**
   * @param eyeCornersMm the ground truth's outer-eye-corner distance in millimetres, for {@code mae_mm}
   * @param restriction evaluate only the landmarks of this set; empty for every landmark of the ground truth
   */
  public LandmarkEvaluator(double eyeCornersMm, Optional<LandmarkSet> restriction) {
    if (!(eyeCornersMm > 0 && Double.isFinite(eyeCornersMm))) {
      throw new IllegalArgumentException("the eye-corner distance must be positive: " + eyeCornersMm);
    }
    this.eyeCornersMm = eyeCornersMm;
    this.restriction = restriction;
  }

  /**
   * The iBUG index of each point of a track holding {@code pointCount} points.
   *
   * @throws IllegalArgumentException for a number of points that is no known layout
   */
  public static int[] ibugLayout(int pointCount) {
    return switch (pointCount) {
      case 51 -> LandmarkSet.IBUG_51.ibugIndices();
      case 53 -> LandmarkSet.IBUG_53.ibugIndices();
      case 68, 70 -> IntStream.range(0, pointCount).toArray();
      default -> throw new IllegalArgumentException(
          "a track of " + pointCount + " points is not a known landmark layout (51, 53, 68 or 70)");
    };
  }

  /** The position of an iBUG landmark in a track holding {@code pointCount} points, or -1 if it lacks it. */
  public static int positionIn(int pointCount, int ibug) {
    return position(ibugLayout(pointCount), ibug);
  }

  /**
   * Evaluates {@code predicted} against {@code truth}. The result has {@code frames() == 0} (and NaN means) when
   * no frame could be compared.
   *
   * @throws IllegalArgumentException if the ground truth lacks the outer eye corners (iBUG 36 and 45) or a track
   *     has an unknown number of points
   */
  public LandmarkMetrics evaluate(LandmarkTrack predicted, LandmarkTrack truth) {
    int[] truthLayout = ibugLayout(truth.pointCount());
    int[] predLayout = ibugLayout(predicted.pointCount());
    int cornerA = position(truthLayout, LandmarkSet.OUTER_EYE_CORNER_A);
    int cornerB = position(truthLayout, LandmarkSet.OUTER_EYE_CORNER_B);
    if (cornerA < 0 || cornerB < 0) {
      throw new IllegalArgumentException("the ground truth lacks the outer eye corners (iBUG 36 and 45)");
    }
    int[] wanted = restriction.map(LandmarkSet::ibugIndices).orElse(truthLayout);
    List<Integer> excluded = new ArrayList<>();
    List<int[]> pairs = new ArrayList<>(); // {ibug, position in truth, position in prediction}
    for (int ibug : wanted) {
      int t = position(truthLayout, ibug);
      int p = position(predLayout, ibug);
      if (t < 0 || p < 0) {
        excluded.add(ibug);
      } else {
        pairs.add(new int[] {ibug, t, p});
      }
    }

    double tolerance = halfFrame(truth.timesSeconds(), predicted.timesSeconds());
    int n = pairs.size();
    double[] sum = new double[n];
    int[] count = new int[n];
    int[] absent = new int[n];
    boolean[] absentHere = new boolean[n];
    double[] pointNme = new double[Math.max(0, truth.frameCount()) * n];
    int points = 0;
    double[] frameTimes = new double[truth.frameCount()];
    double[] frameNme = new double[truth.frameCount()];
    int frames = 0;
    int framesMissing = 0;
    int framesUnmatched = 0;
    for (int f = 0; f < truth.frameCount(); f++) {
      double time = truth.timesSeconds()[f];
      int g = nearest(predicted.timesSeconds(), time);
      if (g < 0 || Math.abs(predicted.timesSeconds()[g] - time) > tolerance) {
        framesUnmatched++;
        continue;
      }
      double eyes = Math.hypot(truth.x(f, cornerB) - truth.x(f, cornerA), truth.y(f, cornerB) - truth.y(f, cornerA));
      if (truth.missing()[f] || predicted.missing()[g] || !(eyes > 0)) {
        framesMissing++;
        continue;
      }
      double frameSum = 0;
      int framePoints = 0;
      Arrays.fill(absentHere, false);
      for (int k = 0; k < n; k++) {
        int[] pair = pairs.get(k);
        double tx = truth.x(f, pair[1]);
        double ty = truth.y(f, pair[1]);
        if (Double.isNaN(tx) || Double.isNaN(ty)) {
          continue;
        }
        double px = predicted.x(g, pair[2]);
        double py = predicted.y(g, pair[2]);
        if (Double.isNaN(px) || Double.isNaN(py)) {
          absentHere[k] = true;
          continue;
        }
        double e = 100.0 * Math.hypot(px - tx, py - ty) / eyes;
        sum[k] += e;
        count[k]++;
        pointNme[points++] = e;
        frameSum += e;
        framePoints++;
      }
      if (framePoints == 0) {
        framesMissing++;
        continue;
      }
      for (int k = 0; k < n; k++) {
        absent[k] += absentHere[k] ? 1 : 0;
      }
      frameTimes[frames] = time;
      frameNme[frames] = frameSum / framePoints;
      frames++;
    }

    List<LandmarkError> perLandmark = new ArrayList<>();
    int pointsMissing = 0;
    for (int k = 0; k < n; k++) {
      int ibug = pairs.get(k)[0];
      if (count[k] == 0) {
        // never compared: not tracked at all (the jaw of a 51-point model written as 68 columns)
        excluded.add(ibug);
        continue;
      }
      pointsMissing += absent[k];
      double nme = sum[k] / count[k];
      perLandmark.add(new LandmarkError(ibug, nme, nme * eyeCornersMm / 100.0, count[k]));
    }
    excluded.sort(null);

    double[] errors = Arrays.copyOf(pointNme, points);
    double mean = Arrays.stream(errors).average().orElse(Double.NaN);
    double std = standardDeviation(errors, mean);
    double mm = eyeCornersMm / 100.0;
    return new LandmarkMetrics(mean, std, mean * mm, std * mm, frames, framesMissing, framesUnmatched,
        pointsMissing, perLandmark, excluded, Arrays.copyOf(frameTimes, frames), Arrays.copyOf(frameNme, frames),
        errors, eyeCornersMm);
  }

  private static double standardDeviation(double[] values, double mean) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double v : values) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / values.length);
  }

  private static int position(int[] layout, int ibug) {
    for (int i = 0; i < layout.length; i++) {
      if (layout[i] == ibug) {
        return i;
      }
    }
    return -1;
  }

  /** Half the median frame interval of the ground truth (or of the prediction when the truth has one frame). */
  static double halfFrame(double[] truthTimes, double[] predTimes) {
    double[] times = truthTimes.length >= 2 ? truthTimes : predTimes;
    if (times.length < 2) {
      return 1e-9;
    }
    double[] steps = new double[times.length - 1];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = times[i + 1] - times[i];
    }
    Arrays.sort(steps);
    int m = steps.length / 2;
    double median = steps.length % 2 == 1 ? steps[m] : 0.5 * (steps[m - 1] + steps[m]);
    return 0.5 * median + 1e-9;
  }

  /** The index of the time nearest {@code t} in increasing {@code times}, or -1 if there is none. */
  public static int nearest(double[] times, double t) {
    if (times.length == 0) {
      return -1;
    }
    int i = Arrays.binarySearch(times, t);
    if (i >= 0) {
      return i;
    }
    int after = -i - 1;
    if (after == 0) {
      return 0;
    }
    if (after == times.length) {
      return times.length - 1;
    }
    return t - times[after - 1] <= times[after] - t ? after - 1 : after;
  }
}
