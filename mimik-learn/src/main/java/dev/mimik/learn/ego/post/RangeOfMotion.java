package dev.mimik.learn.ego.post;

import java.util.Arrays;
import java.util.List;

/**
 * Range-of-motion calibration (REFA §7.2's post-processing, §3's online calibration): each blendshape of a person
 * is shifted so that their rest sits at 0 and scaled so that their reach (how far they move it when asked for the
 * full expression) matches the reference reach of the population, measured on exactly labelled recordings. It
 * undoes a labeller's or a network's muting, person by person.
 *
 * <p>Two guards keep it from amplifying cross-talk, the leakage of one expression into the shapes of another: a
 * shape is only scaled when the person moved it by at least {@code minSpan} (leakage and noise rarely do), and the
 * gain stays within {@code [minGain, maxGain]}; the rest shift removes a constant leak instead of scaling it.
 *
 * <p>A shape's <em>rest</em> is its {@link #REST_QUANTILE} quantile over the person's frames; its <em>reach</em> is
 * the largest mean over {@link #REACH_FRAMES} consecutive frames (a peak held, not a one-frame spike) above rest.
 *
 * @param reference per ARKit blendshape, the population's reach ({@link #peaks})
 * @param minSpan the least reach of a person's shape before it is scaled
 * @param minGain the smallest gain
 * @param maxGain the largest gain
 */
public record RangeOfMotion(double[] reference, double minSpan, double minGain, double maxGain) {

  /** Frames a peak must be held to count, at 30 frames per second a sixth of a second. */
  public static final int REACH_FRAMES = 5;
  /** The quantile of a shape's values taken as its rest. */
  public static final double REST_QUANTILE = 0.1;

  public RangeOfMotion {
    reference = reference.clone();
    if (!(minSpan > 0) || !(minGain > 0) || !(maxGain >= minGain)) {
      throw new IllegalArgumentException("need minSpan > 0 and 0 < minGain <= maxGain");
    }
  }

  /** Calibration towards a reference with the default guards: span 0.15, gains 0.8 to 2. */
  public static RangeOfMotion of(double[] reference) {
    return new RangeOfMotion(reference, 0.15, 0.8, 2.0);
  }

  @Override
  public double[] reference() {
    return reference.clone();
  }

  /**
   * One person's calibration: an offset and a gain per shape.
   *
   * @param rest per shape the value taken as rest (subtracted)
   * @param gain per shape the gain applied after
   */
  public record Calibration(double[] rest, double[] gain) {

    public Calibration {
      rest = rest.clone();
      gain = gain.clone();
    }

    @Override
    public double[] rest() {
      return rest.clone();
    }

    @Override
    public double[] gain() {
      return gain.clone();
    }

    /** One frame calibrated, each weight clamped to [0, 1]. */
    public double[] apply(double[] w) {
      double[] out = new double[w.length];
      for (int k = 0; k < w.length; k++) {
        out[k] = Math.max(0, Math.min(1, (w[k] - rest[k]) * gain[k]));
      }
      return out;
    }

    /** Every frame calibrated. */
    public double[][] apply(double[][] frames) {
      return Arrays.stream(frames).map(this::apply).toArray(double[][]::new);
    }
  }

  /** Fits one person's calibration on all their recordings ({@code [frame][shape]} each). */
  public Calibration fit(List<double[][]> recordings) {
    int n = reference.length;
    double[] rest = rest(recordings);
    double[] gain = new double[n];
    Arrays.fill(gain, 1);
    for (double[][] w : recordings) {
      check(w, n);
    }
    for (int k = 0; k < n; k++) {
      double reach = 0;
      for (double[][] w : recordings) {
        reach = Math.max(reach, heldMax(w, k) - rest[k]);
      }
      gain[k] = gain(reach, k);
    }
    return new Calibration(rest, gain);
  }

  /** The gain for a person whose shape {@code k} reaches {@code reach} above rest. */
  double gain(double reach, int k) {
    return reach < minSpan ? 1 : Math.max(minGain, Math.min(maxGain, reference[k] / reach));
  }

  /** The population's reach of each shape: the mean over recordings of each recording's reach above its rest. */
  public static double[] peaks(List<double[][]> recordings) {
    if (recordings.isEmpty()) {
      throw new IllegalArgumentException("the reference needs at least one recording");
    }
    int n = recordings.get(0)[0].length;
    double[] out = new double[n];
    for (double[][] w : recordings) {
      check(w, n);
      double[] rest = rest(List.<double[][]>of(w));
      for (int k = 0; k < n; k++) {
        out[k] += Math.max(0, heldMax(w, k) - rest[k]) / recordings.size();
      }
    }
    return out;
  }

  /** Each shape's {@link #REST_QUANTILE} quantile over all frames of the recordings. */
  static double[] rest(List<double[][]> recordings) {
    int n = recordings.get(0)[0].length;
    int frames = recordings.stream().mapToInt(w -> w.length).sum();
    double[] out = new double[n];
    double[] v = new double[frames];
    for (int k = 0; k < n; k++) {
      int i = 0;
      for (double[][] w : recordings) {
        for (double[] row : w) {
          v[i++] = row[k];
        }
      }
      Arrays.sort(v);
      out[k] = v[(int) Math.floor(REST_QUANTILE * (frames - 1))];
    }
    return out;
  }

  /** The largest mean of shape {@code k} over {@link #REACH_FRAMES} consecutive frames (fewer in a short recording). */
  static double heldMax(double[][] w, int k) {
    int span = Math.min(REACH_FRAMES, w.length);
    double sum = 0;
    for (int f = 0; f < span; f++) {
      sum += w[f][k];
    }
    double best = sum;
    for (int f = span; f < w.length; f++) {
      sum += w[f][k] - w[f - span][k];
      best = Math.max(best, sum);
    }
    return best / span;
  }

  private static void check(double[][] w, int n) {
    if (w.length == 0 || w[0].length != n) {
      throw new IllegalArgumentException("a recording of " + n + " shapes per frame, with frames, is needed");
    }
  }
}
