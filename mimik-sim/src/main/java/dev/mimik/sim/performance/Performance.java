package dev.mimik.sim.performance;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import java.util.List;

/**
 * What a face did during a session, sampled at a high internal rate: ARKit-52 weights, gaze and head pose, with
 * the script (trials, blinks, head movements) as exact ground truth.
 *
 * @param rate samples per second of every track (e.g. 120)
 * @param weights {@code weights[i][k]}: ARKit shape {@code k} (Apple's order) at time {@code i / rate}, in [0, 1]
 * @param gazeYawDeg gaze angle to the subject's left, degrees, per sample
 * @param gazePitchDeg gaze angle upward, degrees, per sample
 * @param headPose per sample {@code {yaw, pitch, roll}} in degrees (conventions of {@code face.camera.HeadPose}) and
 *     {@code {tx, ty, tz}} in millimetres
 * @param segments expression trials, speech bouts and head movements, in time order per kind
 * @param blinks spontaneous blinks in time order
 */
public record Performance(
    double rate,
    double[][] weights,
    double[] gazeYawDeg,
    double[] gazePitchDeg,
    double[][] headPose,
    List<Segment> segments,
    List<Blink> blinks) {

  public Performance {
    segments = List.copyOf(segments);
    blinks = List.copyOf(blinks);
  }

  public int sampleCount() {
    return weights.length;
  }

  /** The time the tracks span: from the first to the last sample. */
  public double durationSeconds() {
    return (weights.length - 1) / rate;
  }

  /** The weights resampled at {@code times} (seconds) by linear interpolation, as a blendshape track. */
  public BlendshapeTrack blendshapesAt(double[] times) {
    double[][] out = new double[times.length][];
    for (int f = 0; f < times.length; f++) {
      out[f] = weightsAt(times[f]);
    }
    return new BlendshapeTrack(times, Blendshapes.ARKIT_52, out);
  }

  /** The 52 weights at time {@code t} by linear interpolation (clamped to the session). */
  public double[] weightsAt(double t) {
    double x = Math.max(0, Math.min(weights.length - 1, t * rate));
    int i = Math.min((int) x, weights.length - 2);
    double a = x - i;
    double[] w0 = weights[i];
    double[] w1 = weights[i + 1];
    double[] w = new double[w0.length];
    for (int k = 0; k < w.length; k++) {
      w[k] = w0[k] + a * (w1[k] - w0[k]);
    }
    return w;
  }

  /** Weight of shape {@code k} at time {@code t} by linear interpolation (clamped to the session). */
  public double weightAt(int k, double t) {
    double x = Math.max(0, Math.min(weights.length - 1, t * rate));
    int i = Math.min((int) x, weights.length - 2);
    return weights[i][k] + (x - i) * (weights[i + 1][k] - weights[i][k]);
  }

  /** Linear interpolation of a per-sample track at time {@code t}. */
  public double at(double[] track, double t) {
    double x = Math.max(0, Math.min(track.length - 1, t * rate));
    int i = Math.min((int) x, track.length - 2);
    double a = x - i;
    return track[i] + a * (track[i + 1] - track[i]);
  }
}
