package dev.mimik.app;

import dev.mimik.eval.landmarks.LandmarkEvaluator;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.eval.eyes.EyeAblation;
import dev.mimik.eval.eyes.StateScores;
import dev.mimik.face.eyes.Eye;
import dev.mimik.face.eyes.EyeState;
import dev.mimik.face.eyes.EyeStates;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.PosedMesh;
import dev.mimik.signal.blink.BlinkDetector;
import dev.mimik.signal.blink.EogClosure;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.stat.correlation.PearsonsCorrelation;

/**
 * Eye state of a tracked recording (issue 7's biosignal path): the EOG's closure probability per frame fused with
 * the tracked landmarks' own closure, and the scores of the reconstructed 3D eyes against the simulator's truth.
 *
 * <p>The earpiece has no dedicated vertical EOG lead and its blink polarity depends on where the electrodes sit, so
 * the channel and polarity are the ones whose EOG closure agrees best (Pearson correlation) with the landmark
 * path's closure: the network's landmarks already follow blinks roughly, the EOG says exactly when.
 */
final class EyeTracking {

  /** A reconstructed eye is open when its 3D aperture is at least this fraction of the neutral one. */
  static final double CLOSED_FRACTION = EyeAblation.CLOSED_FRACTION;
  /** A true eye counts as open (for scoring) when its aperture is at least this fraction of the neutral one. */
  static final double OPEN_FRACTION = 0.5;
  /** The lids have started a blink when the aperture falls below this fraction of the open one. */
  static final double ONSET_FRACTION = 0.9;

  private EyeTracking() {}

  /** Fused eye states per frame and eye, and the EOG channel used (-1 when no channel showed a blink). */
  record States(EyeState[][] states, double[] eogClosure, int channel, boolean positive) {}

  /**
   * Fused states of a tracked landmark track.
   *
   * @param eogBand per model channel, the EOG band of the recording
   * @param fs its sampling rate
   * @param startSeconds the recording's start time (the track's times count from it)
   */
  static States estimate(LandmarkTrack track, LandmarkSet set, double[][] eogBand, double fs, double startSeconds) {
    EyeState[][] landmark = EyeStates.estimate(track.frames(), set);
    double[] mean = new double[landmark.length];
    for (int f = 0; f < mean.length; f++) {
      mean[f] = (landmark[f][0].closure() + landmark[f][1].closure()) / 2;
    }
    double[] times = track.timesSeconds().clone();
    for (int f = 0; f < times.length; f++) {
      times[f] -= startSeconds;
    }
    double best = 0;
    double[] chosen = null;
    int channel = -1;
    boolean positive = true;
    for (int c = 0; c < eogBand.length; c++) {
      for (boolean up : new boolean[] {true, false}) {
        BlinkDetector d = BlinkDetector.standard();
        BlinkDetector detector = new BlinkDetector(d.thresholdMads(), d.edgeFraction(), d.minDurationSeconds(),
            d.maxDurationSeconds(), d.baselineSeconds(), up);
        double[] closure = new EogClosure(detector).closure(eogBand[c], fs, times);
        double r = correlation(closure, mean);
        if (r > best) {
          best = r;
          chosen = closure;
          channel = c;
          positive = up;
        }
      }
    }
    if (chosen == null) {
      return new States(landmark, null, -1, true);
    }
    return new States(EyeStates.fuse(landmark, chosen), chosen, channel, positive);
  }

  /** Pearson correlation over frames where both are finite; 0 when undefined. */
  static double correlation(double[] a, double[] b) {
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
        pairs.add(new double[] {a[i], b[i]});
      }
    }
    if (pairs.size() < 3) {
      return 0;
    }
    double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
    double r = new PearsonsCorrelation().correlation(x, y);
    return Double.isFinite(r) ? r : 0;
  }

  /**
   * Each eye's 3D aperture relative to the neutral face's, per frame ({@code [frame][eye]}), of the rig posed with
   * the weights in rig order and the identity.
   */
  static double[][] relativeApertures(FaceRig rig, BlendshapeTrack weights, double[] identity) {
    int[] lv = rig.landmarkVertices();
    float[] neutral = PosedMesh.of(rig, new double[rig.shapeCount()], identity);
    Eye[] eyes = Eye.values();
    double[] open = new double[eyes.length];
    for (Eye e : eyes) {
      open[e.ordinal()] = e.aperture(neutral, lv);
    }
    int[] column = new int[rig.shapeCount()];
    for (int k = 0; k < column.length; k++) {
      column[k] = weights.names().indexOf(rig.shapeNames().get(k));
    }
    double[][] out = new double[weights.frameCount()][eyes.length];
    for (int f = 0; f < out.length; f++) {
      double[] w = new double[rig.shapeCount()];
      for (int k = 0; k < w.length; k++) {
        w[k] = column[k] < 0 ? 0 : weights.weights()[f][column[k]];
      }
      float[] mesh = PosedMesh.of(rig, w, identity);
      for (Eye e : eyes) {
        out[f][e.ordinal()] = e.aperture(mesh, lv) / open[e.ordinal()];
      }
    }
    return out;
  }

  /**
   * Eye-state accuracy and F1 (open positive) of the reconstructed eyes against the true ones, both per eye per
   * frame, frames matched by nearest time. A true eye is closed below {@link #CLOSED_FRACTION} of its neutral
   * aperture, open above {@link #OPEN_FRACTION}; half-closed frames in between are not scored.
   */
  static StateScores scores(double[] times, double[][] reconstructed, double[] truthTimes, double[][] truth) {
    List<Boolean> t = new ArrayList<>();
    List<Boolean> p = new ArrayList<>();
    for (int f = 0; f < truthTimes.length; f++) {
      int g = LandmarkEvaluator.nearest(times, truthTimes[f]);
      for (int e = 0; e < truth[f].length; e++) {
        double a = truth[f][e];
        Boolean open = a < CLOSED_FRACTION ? Boolean.FALSE : a >= OPEN_FRACTION ? Boolean.TRUE : null;
        t.add(open);
        p.add(reconstructed[g][e] >= CLOSED_FRACTION);
      }
    }
    boolean[] predicted = new boolean[p.size()];
    for (int i = 0; i < predicted.length; i++) {
      predicted[i] = p.get(i);
    }
    return StateScores.of(t.toArray(Boolean[]::new), predicted);
  }

  /**
   * The avatar's blink onset for each true blink, minus the true onset, in frames (NaN for a blink the avatar
   * missed): the avatar blinks when both eyes' mean aperture closes below {@link #CLOSED_FRACTION} within the true
   * blink, and its onset is the last frame before that closure whose aperture was still above
   * {@link #ONSET_FRACTION} of open, plus one (where the lids started to move).
   */
  static double[] onsetErrorsFrames(double[] times, double[][] reconstructed, double[][] trueBlinks, double fps) {
    double[] mean = new double[times.length];
    for (int f = 0; f < mean.length; f++) {
      mean[f] = (reconstructed[f][0] + reconstructed[f][1]) / 2;
    }
    double[] out = new double[trueBlinks.length];
    for (int b = 0; b < trueBlinks.length; b++) {
      double onset = trueBlinks[b][0];
      double end = onset + trueBlinks[b][1];
      int from = Math.max(0, LandmarkEvaluator.nearest(times, onset));
      int to = LandmarkEvaluator.nearest(times, end);
      int closed = -1;
      for (int f = from; f <= to && closed < 0; f++) {
        closed = mean[f] < CLOSED_FRACTION ? f : -1;
      }
      if (closed < 0) {
        out[b] = Double.NaN;
        continue;
      }
      int start = closed;
      while (start > 0 && mean[start - 1] < ONSET_FRACTION) {
        start--;
      }
      out[b] = (times[start] - onset) * fps;
    }
    return out;
  }
}
