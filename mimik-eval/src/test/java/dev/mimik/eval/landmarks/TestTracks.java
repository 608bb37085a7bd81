package dev.mimik.eval.landmarks;

import dev.mimik.core.data.LandmarkTrack;
import java.util.Random;

/** Seeded builders of landmark tracks for tests. */
final class TestTracks {

  private TestTracks() {}

  /** A 68-point face: random points in a 200x200 box, outer eye corners at (100, 200) and (200, 200). */
  static double[] face(Random random) {
    double[] f = new double[136];
    for (int i = 0; i < 68; i++) {
      f[2 * i] = 50 + 200 * random.nextDouble();
      f[2 * i + 1] = 100 + 200 * random.nextDouble();
    }
    f[72] = 100;
    f[73] = 200;
    f[90] = 200;
    f[91] = 200;
    return f;
  }

  /** {@code frames} copies of a face at 30 frames/s. */
  static LandmarkTrack still(double[] face, int frames) {
    double[] times = new double[frames];
    double[][] data = new double[frames][];
    for (int f = 0; f < frames; f++) {
      times[f] = f / 30.0;
      data[f] = face.clone();
    }
    return new LandmarkTrack(times, face.length / 2, data, new boolean[frames]);
  }

  /** The track moved by (dx, dy) in every frame. */
  static LandmarkTrack shifted(LandmarkTrack t, double dx, double dy) {
    double[][] data = new double[t.frameCount()][];
    for (int f = 0; f < data.length; f++) {
      data[f] = t.frames()[f].clone();
      for (int i = 0; i < t.pointCount(); i++) {
        data[f][2 * i] += dx;
        data[f][2 * i + 1] += dy;
      }
    }
    return new LandmarkTrack(t.timesSeconds(), t.pointCount(), data, t.missing().clone());
  }

  /** The track with its frame times moved by {@code dt} seconds. */
  static LandmarkTrack delayed(LandmarkTrack t, double dt) {
    double[] times = t.timesSeconds().clone();
    for (int f = 0; f < times.length; f++) {
      times[f] += dt;
    }
    return new LandmarkTrack(times, t.pointCount(), t.frames(), t.missing());
  }

  /** The track keeping only the points at these iBUG indices (of a 68-point track), in order. */
  static LandmarkTrack subset(LandmarkTrack t, int[] ibug) {
    double[][] data = new double[t.frameCount()][2 * ibug.length];
    for (int f = 0; f < data.length; f++) {
      for (int k = 0; k < ibug.length; k++) {
        data[f][2 * k] = t.x(f, ibug[k]);
        data[f][2 * k + 1] = t.y(f, ibug[k]);
      }
    }
    return new LandmarkTrack(t.timesSeconds(), ibug.length, data, t.missing());
  }
}
