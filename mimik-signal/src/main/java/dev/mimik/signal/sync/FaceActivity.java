package dev.mimik.signal.sync;

import dev.mimik.core.data.LandmarkTrack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How far the face is from its own neutral, region by region, frame by frame: every frame aligned to the session's
 * median shape by a similarity transform (removing the head's position, in-plane roll and distance), then each
 * region's RMS distance from that median. The median stands for the neutral face, since expressions come and go
 * over a rest. A held expression keeps its distance up as it keeps its EMG up, where the motion between frames
 * ({@link MotionEnergy}) falls back to zero; that is what lets {@link OffsetEstimator} line the face up with the EMG
 * envelopes of several channels, each muscle region on its own.
 *
 * <p>68-point (iBUG) tracks give five regions: brows, eyes, nose, mouth and jaw contour, aligned on the eye corners
 * and the nose; 70-point tracks (iBUG 68 and the two pupils) a sixth, the pupils, which the gaze moves as it moves
 * the EOG; any other point count is one region aligned on all its points.
 */
public final class FaceActivity {

  private static final int[][] IBUG_REGIONS = {
    IntStream.range(17, 27).toArray(),
    IntStream.range(36, 48).toArray(),
    IntStream.range(27, 36).toArray(),
    IntStream.range(48, 68).toArray(),
    IntStream.range(0, 17).toArray()
  };
  private static final int[][] IBUG_PUPIL_REGIONS = {
    IBUG_REGIONS[0], IBUG_REGIONS[1], IBUG_REGIONS[2], IBUG_REGIONS[3], IBUG_REGIONS[4], {68, 69}
  };
  private static final int[] IBUG_STABLE = {27, 28, 29, 30, 36, 39, 42, 45};

  private FaceActivity() {}

  /** The number of regions {@link #of} gives for a track of {@code points} points. */
  public static int regions(int points) {
    return regionsOf(points).length;
  }

  private static int[][] regionsOf(int points) {
    return switch (points) {
      case 68 -> IBUG_REGIONS;
      case 70 -> IBUG_PUPIL_REGIONS;
      default -> new int[][] {IntStream.range(0, points).toArray()};
    };
  }

  /**
   * One row per frame, one column per region ({@link #regions}), in units of the face's size (the RMS distance of
   * the aligning points from their centroid); missing frames and frames with a NaN aligning point are NaN rows.
   */
  public static double[][] of(LandmarkTrack track) {
    int points = track.pointCount();
    int[][] regions = regionsOf(points);
    int[] stable = points == 68 || points == 70 ? IBUG_STABLE : IntStream.range(0, points).toArray();
    int n = track.frameCount();
    double[][] normalised = new double[n][];
    for (int f = 0; f < n; f++) {
      normalised[f] = track.missing()[f] ? null : centredAndScaled(track.frames()[f], stable);
    }
    double[] reference = median(normalised, points);
    for (int pass = 0; pass < 2; pass++) {
      for (int f = 0; f < n; f++) {
        if (normalised[f] != null) {
          normalised[f] = rotatedOnto(normalised[f], reference, stable);
        }
      }
      reference = median(normalised, points);
    }
    double[][] out = new double[n][regions.length];
    for (int f = 0; f < n; f++) {
      for (int r = 0; r < regions.length; r++) {
        out[f][r] = normalised[f] == null ? Double.NaN : distance(normalised[f], reference, regions[r]);
      }
    }
    return out;
  }

  /** The frame translated so its aligning points' centroid is 0 and scaled so their RMS radius is 1; null if NaN. */
  private static double[] centredAndScaled(double[] frame, int[] stable) {
    double cx = 0;
    double cy = 0;
    for (int i : stable) {
      cx += frame[2 * i];
      cy += frame[2 * i + 1];
    }
    cx /= stable.length;
    cy /= stable.length;
    double ss = 0;
    for (int i : stable) {
      ss += sq(frame[2 * i] - cx) + sq(frame[2 * i + 1] - cy);
    }
    double scale = Math.sqrt(ss / stable.length);
    if (!(scale > 0)) {
      return null;
    }
    double[] out = new double[frame.length];
    for (int i = 0; i < frame.length / 2; i++) {
      out[2 * i] = (frame[2 * i] - cx) / scale;
      out[2 * i + 1] = (frame[2 * i + 1] - cy) / scale;
    }
    return out;
  }

  /** The (centred, scaled) frame rotated about the origin to best match the reference on the aligning points. */
  private static double[] rotatedOnto(double[] frame, double[] reference, int[] stable) {
    double a = 0;
    double b = 0;
    for (int i : stable) {
      double x = frame[2 * i];
      double y = frame[2 * i + 1];
      double u = reference[2 * i];
      double v = reference[2 * i + 1];
      a += x * u + y * v;
      b += x * v - y * u;
    }
    double angle = Math.atan2(b, a);
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    double[] out = new double[frame.length];
    for (int i = 0; i < frame.length / 2; i++) {
      out[2 * i] = c * frame[2 * i] - s * frame[2 * i + 1];
      out[2 * i + 1] = s * frame[2 * i] + c * frame[2 * i + 1];
    }
    return out;
  }

  /** The per-coordinate median over the frames that exist, NaN where no frame has the coordinate. */
  private static double[] median(double[][] frames, int points) {
    double[] out = new double[2 * points];
    List<double[]> present = new ArrayList<>();
    for (double[] f : frames) {
      if (f != null) {
        present.add(f);
      }
    }
    double[] column = new double[present.size()];
    for (int k = 0; k < out.length; k++) {
      int m = 0;
      for (double[] f : present) {
        if (!Double.isNaN(f[k])) {
          column[m++] = f[k];
        }
      }
      if (m == 0) {
        out[k] = Double.NaN;
        continue;
      }
      double[] v = Arrays.copyOf(column, m);
      Arrays.sort(v);
      out[k] = m % 2 == 1 ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
    }
    return out;
  }

  private static double distance(double[] frame, double[] reference, int[] region) {
    double ss = 0;
    int count = 0;
    for (int i : region) {
      double d = sq(frame[2 * i] - reference[2 * i]) + sq(frame[2 * i + 1] - reference[2 * i + 1]);
      if (!Double.isNaN(d)) {
        ss += d;
        count++;
      }
    }
    return count == 0 ? Double.NaN : Math.sqrt(ss / count);
  }

  private static double sq(double x) {
    return x * x;
  }
}
