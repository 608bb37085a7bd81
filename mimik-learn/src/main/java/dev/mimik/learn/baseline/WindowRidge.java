package dev.mimik.learn.baseline;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.LandmarkRegressor;
import dev.mimik.learn.metric.NormalisedMeanError;
import dev.mimik.learn.train.TimeBlockedSplit;
import java.util.Arrays;

/**
 * The fair baseline: ridge regression on the same inputs as BioNet, every sample of every input of the window
 * (signed, so the EOG's sign, the gaze direction, counts), standardised, to the landmark coordinates; the penalty is
 * chosen among {@link #LAMBDAS} by the NME on a time-blocked validation part of the training frames, then the model is
 * fitted again on all of them. Nothing of the frames it is judged on enters its choices.
 */
public final class WindowRidge implements LandmarkRegressor {

  /** The penalties tried (per standardised feature and frame). */
  public static final double[] LAMBDAS = {1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1e3};

  private final LandmarkSet set;
  private final double lambda;
  private final StandardisedRidge ridge;

  private WindowRidge(LandmarkSet set, double lambda, StandardisedRidge ridge) {
    this.set = set;
    this.lambda = lambda;
    this.ridge = ridge;
  }

  /**
   * Chooses the penalty on a time-blocked {@code split} of the training frames, then fits on all of them.
   *
   * @param windows {@code [frame][input][sample]}, in time order
   * @param targets aligned landmarks {@code [frame][2 * points]}
   */
  public static WindowRidge fit(float[][][] windows, float[][] targets, LandmarkSet set, TimeBlockedSplit split) {
    if (windows.length == 0 || windows.length != targets.length) {
      throw new IllegalArgumentException("need as many windows as targets, at least one");
    }
    TimeBlockedSplit.Split parts = split.split(windows.length);
    float[][][] trainWindows = pick(windows, parts.train());
    float[][] trainTargets = pick(targets, parts.train());
    float[][][] validationWindows = pick(windows, parts.validation());
    float[][] validationTargets = pick(targets, parts.validation());
    NormalisedMeanError nme = new NormalisedMeanError(set);
    double best = Double.NaN;
    double bestNme = Double.POSITIVE_INFINITY;
    for (double lambda : LAMBDAS) {
      double e = nme.percent(withPenalty(trainWindows, trainTargets, set, lambda).predict(validationWindows),
          validationTargets);
      if (e < bestNme) {
        bestNme = e;
        best = lambda;
      }
    }
    return withPenalty(windows, targets, set, best);
  }

  /** Ridge with a given penalty on all the frames given. */
  public static WindowRidge withPenalty(float[][][] windows, float[][] targets, LandmarkSet set, double lambda) {
    double[][] x = new double[windows.length][];
    for (int f = 0; f < x.length; f++) {
      x[f] = features(windows[f]);
    }
    return new WindowRidge(set, lambda, StandardisedRidge.fit(x, targets, lambda));
  }

  /** The penalty it was fitted with. */
  public double lambda() {
    return lambda;
  }

  @Override
  public LandmarkSet landmarkSet() {
    return set;
  }

  @Override
  public float[][] predict(float[][][] windows) {
    float[][] out = new float[windows.length][];
    for (int f = 0; f < windows.length; f++) {
      double[] x = features(windows[f]);
      if (x.length != ridge.features()) {
        throw new IllegalArgumentException("window " + f + " has " + x.length + " values, the baseline takes "
            + ridge.features());
      }
      out[f] = ridge.predict(x);
    }
    return out;
  }

  /** Every sample of every input of a window, input by input. */
  private static double[] features(float[][] window) {
    int samples = window[0].length;
    double[] out = new double[window.length * samples];
    for (int i = 0; i < window.length; i++) {
      for (int s = 0; s < samples; s++) {
        out[i * samples + s] = window[i][s];
      }
    }
    return out;
  }

  private static <T> T[] pick(T[] all, int[] rows) {
    T[] out = Arrays.copyOf(all, rows.length);
    for (int i = 0; i < rows.length; i++) {
      out[i] = all[rows[i]];
    }
    return out;
  }
}
