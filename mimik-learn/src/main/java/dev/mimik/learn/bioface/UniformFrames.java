package dev.mimik.learn.bioface;

import dev.mimik.core.data.LandmarkTrack;
import java.util.Arrays;

/**
 * Resamples a landmark track recorded at any, possibly uneven, frame rate onto a uniform frame grid
 * ({@code k / fps} seconds), as BioFace-3D's video resampling does, so every camera gives the network the same rate.
 *
 * <p>Each output frame interpolates linearly between the valid input frames around it. Where those are more than
 * {@code maxGapSeconds} apart (the detector lost the face for a while) the output frame is marked missing rather than
 * invented.
 */
public final class UniformFrames {

  private UniformFrames() {}

  /**
   * @param track the recorded landmarks
   * @param fps the output frame rate
   * @param maxGapSeconds the longest gap between valid input frames that is bridged by interpolation
   * @return frames at {@code k / fps} from the first to the last valid input frame
   */
  public static LandmarkTrack resample(LandmarkTrack track, double fps, double maxGapSeconds) {
    if (!(fps > 0)) {
      throw new IllegalArgumentException("fps must be positive: " + fps);
    }
    int[] valid = validFrames(track);
    if (valid.length == 0) {
      return new LandmarkTrack(new double[0], track.pointCount(), new double[0][], new boolean[0]);
    }
    double[] t = track.timesSeconds();
    long first = (long) Math.ceil(t[valid[0]] * fps - 1e-9);
    long last = (long) Math.floor(t[valid[valid.length - 1]] * fps + 1e-9);
    int n = (int) Math.max(0, last - first + 1);
    double[] times = new double[n];
    double[][] frames = new double[n][];
    boolean[] missing = new boolean[n];
    int j = 0;
    for (int k = 0; k < n; k++) {
      double time = (first + k) / fps;
      times[k] = time;
      while (j + 1 < valid.length && t[valid[j + 1]] <= time) {
        j++;
      }
      int a = valid[j];
      if (t[a] >= time - 1e-9 || j + 1 == valid.length) {
        frames[k] = track.frames()[a].clone();
        continue;
      }
      int b = valid[j + 1];
      if (t[b] - t[a] > maxGapSeconds) {
        frames[k] = nanFrame(track.pointCount());
        missing[k] = true;
        continue;
      }
      double w = (time - t[a]) / (t[b] - t[a]);
      double[] fa = track.frames()[a];
      double[] fb = track.frames()[b];
      double[] f = new double[fa.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = fa[i] + w * (fb[i] - fa[i]);
      }
      frames[k] = f;
    }
    return new LandmarkTrack(times, track.pointCount(), frames, missing);
  }

  private static int[] validFrames(LandmarkTrack track) {
    return java.util.stream.IntStream.range(0, track.frameCount()).filter(f -> !track.missing()[f]).toArray();
  }

  private static double[] nanFrame(int points) {
    double[] f = new double[2 * points];
    Arrays.fill(f, Double.NaN);
    return f;
  }
}
