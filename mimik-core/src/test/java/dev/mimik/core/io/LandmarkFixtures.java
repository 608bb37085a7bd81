package dev.mimik.core.io;

import dev.mimik.core.data.LandmarkTrack;
import java.util.Arrays;
import java.util.Random;

/** Seeded landmark tracks for format tests: random points, some missing frames, some untracked points. */
public final class LandmarkFixtures {

  private LandmarkFixtures() {}

  /** A track of {@code frames} frames of {@code points} points at irregular times; frame 2 missing, point 5 of frame 3 NaN. */
  public static LandmarkTrack track(long seed, int frames, int points) {
    Random rnd = new Random(seed);
    double[] times = new double[frames];
    double[][] xy = new double[frames][2 * points];
    boolean[] missing = new boolean[frames];
    double t = rnd.nextDouble();
    for (int f = 0; f < frames; f++) {
      times[f] = t;
      t += 1 / 30.0 + rnd.nextDouble() * 0.005;
      for (int k = 0; k < 2 * points; k++) {
        xy[f][k] = 100 + 400 * rnd.nextDouble();
      }
    }
    missing[2] = true;
    Arrays.fill(xy[2], Double.NaN);
    xy[3][10] = Double.NaN;
    xy[3][11] = Double.NaN;
    return new LandmarkTrack(times, points, xy, missing);
  }
}
