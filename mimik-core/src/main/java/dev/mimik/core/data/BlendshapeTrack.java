package dev.mimik.core.data;

import java.util.List;
import java.util.Objects;

/**
 * Blendshape weights over time: one row per frame, one column per named shape, values in [0, 1].
 *
 * @param timesSeconds frame times, increasing
 * @param names the shape names, usually {@link Blendshapes#ARKIT_52}
 * @param weights {@code weights[f][k]} is shape {@code k} at frame {@code f}
 */
public record BlendshapeTrack(double[] timesSeconds, List<String> names, double[][] weights) {

  public BlendshapeTrack {
    Objects.requireNonNull(timesSeconds, "timesSeconds");
    names = List.copyOf(names);
    Objects.requireNonNull(weights, "weights");
    if (weights.length != timesSeconds.length) {
      throw new IllegalArgumentException("times and weights differ in length");
    }
    for (double[] row : weights) {
      if (row.length != names.size()) {
        throw new IllegalArgumentException("a row has " + row.length + " weights, not " + names.size());
      }
    }
  }

  public int frameCount() {
    return timesSeconds.length;
  }

  /** The weights of one shape over time (a new array). */
  public double[] column(String name) {
    int k = names.indexOf(name);
    if (k < 0) {
      throw new IllegalArgumentException("no blendshape named " + name);
    }
    double[] out = new double[weights.length];
    for (int f = 0; f < weights.length; f++) {
      out[f] = weights[f][k];
    }
    return out;
  }

  /**
   * This track with its columns in {@code order} (typically {@link Blendshapes#ARKIT_52}): a shape the track lacks is
   * 0 in every frame, a shape not in {@code order} is left out.
   */
  public BlendshapeTrack reordered(List<String> order) {
    if (order.equals(names)) {
      return this;
    }
    int[] column = order.stream().mapToInt(names::indexOf).toArray();
    double[][] out = new double[weights.length][order.size()];
    for (int f = 0; f < out.length; f++) {
      for (int k = 0; k < column.length; k++) {
        out[f][k] = column[k] < 0 ? 0 : weights[f][column[k]];
      }
    }
    return new BlendshapeTrack(timesSeconds, order, out);
  }

  /** How many of {@code wanted} this track has. */
  public int countOf(List<String> wanted) {
    return (int) wanted.stream().filter(names::contains).count();
  }
}
