package dev.mimik.sim.muscle;

import dev.mimik.core.data.Blendshapes;
import java.util.List;
import java.util.Map;

/**
 * Turns ARKit-52 weights into muscle activations (0..1) for every muscle on both sides.
 *
 * <p>Column {@code 2 * muscle.ordinal() + side.ordinal()} of an activation row belongs to that muscle and side.
 * Activation is the weighted sum of the shapes that contract the muscle (its FACS map, {@link Muscle#shapes()},
 * and its lip and chin {@link CoActivation}), saturating at 1, plus a small resting tone.
 */
public final class MuscleModel {

  /** Activation of a muscle at rest (tonic activity), as a fraction of full. */
  public static final double RESTING_TONE = 0.01;

  private static final List<Muscle> MUSCLES = List.of(Muscle.values());
  private final double[][] map;

  /** The FACS map of {@link Muscle} with the {@link CoActivation#builtIn() built-in} co-activations. */
  public MuscleModel() {
    this(CoActivation.builtIn());
  }

  /** The FACS map of {@link Muscle} with {@code coActivation}. */
  public MuscleModel(CoActivation coActivation) {
    map = new double[2 * MUSCLES.size()][Blendshapes.ARKIT_52.size()];
    for (Muscle m : MUSCLES) {
      Map<String, Double> shapes = new java.util.HashMap<>(m.shapes());
      coActivation.shapes(m).forEach((shape, w) -> shapes.merge(shape, w, Double::sum));
      for (Muscle.Side side : Muscle.Side.values()) {
        double[] row = map[column(m, side)];
        for (Map.Entry<String, Double> e : shapes.entrySet()) {
          int k = Blendshapes.indexOf(e.getKey());
          if (k < 0) {
            k = Blendshapes.indexOf(e.getKey() + (side == Muscle.Side.LEFT ? "Left" : "Right"));
          }
          if (k < 0) {
            throw new IllegalStateException("not an ARKit base name: " + e.getKey());
          }
          row[k] = e.getValue();
        }
      }
    }
  }

  /** Number of activation columns (muscles times two sides). */
  public static int columns() {
    return 2 * MUSCLES.size();
  }

  /** The column of a muscle on a side. */
  public static int column(Muscle m, Muscle.Side side) {
    return 2 * m.ordinal() + side.ordinal();
  }

  /** How strongly shape {@code k} (of {@link Blendshapes#ARKIT_52}) contracts {@code m} on {@code side}. */
  public double weight(Muscle m, Muscle.Side side, int k) {
    return map[column(m, side)][k];
  }

  /** Activations for one row of 52 weights, written into {@code out} (length {@link #columns()}). */
  public void activate(double[] weights, double[] out) {
    for (int c = 0; c < map.length; c++) {
      double[] row = map[c];
      double s = RESTING_TONE;
      for (int k = 0; k < row.length; k++) {
        s += row[k] * weights[k];
      }
      out[c] = Math.min(1, s);
    }
  }

  /** Activations for every row of a weight track: {@code [sample][column]}. */
  public double[][] activate(double[][] weights) {
    double[][] out = new double[weights.length][columns()];
    for (int i = 0; i < weights.length; i++) {
      activate(weights[i], out[i]);
    }
    return out;
  }
}
