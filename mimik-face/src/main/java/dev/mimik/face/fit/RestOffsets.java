package dev.mimik.face.fit;

import java.util.Arrays;

/**
 * The landmark offsets of a person's {@link RestShape}: where each landmark of the person sits at rest, relative to
 * where the rig's neutral and identity put it. Each frame is fitted (pose and weights); the observed landmark's
 * deviation from its rest position under the fitted pose is taken back into the rig's frame (its x and y, through
 * the projection's Jacobian: a landmark's depth is not seen); and the per-landmark median of these deviations over
 * the frames is added to its offset. The fitted pose does not depend on the expression, which the weights take, so a
 * landmark's median deviation is its offset at rest as long as it is at rest on more than half of the frames. The
 * rounds repeat with the new offsets, so that the weights the old rest had spent on the difference are freed.
 */
final class RestOffsets {

  /** Rounds of fitting and median. */
  static final int ROUNDS = 3;

  private RestOffsets() {}

  /** The rest shape of {@code fitter}'s person with the offsets fitted on {@code frames} (pixels, set order). */
  static RestShape fit(RigFitter fitter, double[][] frames) {
    LandmarkModel model = fitter.residuals().model();
    int points = model.points;
    double[] offsets = fitter.rest().hasOffsets() ? fitter.rest().offsets() : new double[3 * points];
    Observation[] observed = new Observation[frames.length];
    for (int f = 0; f < frames.length; f++) {
      observed[f] = new Observation(frames[f], points);
    }
    RigFitter current = fitter;
    LandmarkResiduals.Rows rows = new LandmarkResiduals.Rows(FitState.POSE);
    for (int round = 0; round < ROUNDS; round++) {
      double[][] dx = new double[points][frames.length];
      double[][] dy = new double[points][frames.length];
      int[] count = new int[points];
      LandmarkResiduals residuals = current.residuals();
      for (int f = 0; f < frames.length; f++) {
        FitState s = current.state(current.fit(frames[f]));
        for (int j = 0; j < points; j++) {
          double[] d = residuals.restDeviation(observed[f], s, j, rows);
          if (d != null) {
            dx[j][count[j]] = d[0];
            dy[j][count[j]] = d[1];
            count[j]++;
          }
        }
      }
      for (int j = 0; j < points; j++) {
        if (count[j] > 0) {
          offsets[3 * j] += median(dx[j], count[j]);
          offsets[3 * j + 1] += median(dy[j], count[j]);
        }
      }
      current = current.withRest(new RestShape(current.identity(), offsets));
    }
    return current.rest();
  }

  private static double median(double[] values, int n) {
    double[] v = Arrays.copyOf(values, n);
    Arrays.sort(v);
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }
}
