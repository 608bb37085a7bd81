package dev.mimik.sim.muscle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lip and chin co-activation: shapes that contract the orbicularis oris, the mentalis or the depressor anguli oris
 * beyond their FACS action units (the lip and chin muscles tighten with a smile, an upper-lip raise or lip
 * stretching). {@link Muscle}'s map holds the FACS weights; these are measured instead, by
 * {@code sim.sensor.MuscleCalibration} from a table of mean amplitudes, and {@link #builtIn()} is that derivation
 * on the voluntary-exercise table ({@code emg-fridlund/exercises.csv}), none of whose rows is an emotion.
 *
 * @param weights one weight per {@link #LINKS} entry, in its order, each at least 0
 */
public record CoActivation(List<Double> weights) {

  /** A muscle that a shape (an ARKit base name, sides as in {@link Muscle#shapes()}) co-activates. */
  public record Link(Muscle muscle, String shape) {}

  /**
   * The co-activations a calibration may set, in the order a search tries them: the lip and chin weights that were
   * once set by comparing with the emotion table.
   */
  public static final List<Link> LINKS = List.of(
      new Link(Muscle.ORBICULARIS_ORIS, "mouthSmile"),
      new Link(Muscle.MENTALIS, "mouthSmile"),
      new Link(Muscle.ORBICULARIS_ORIS, "mouthUpperUp"),
      new Link(Muscle.ORBICULARIS_ORIS, "mouthStretch"),
      new Link(Muscle.MENTALIS, "mouthStretch"),
      new Link(Muscle.DEPRESSOR_ANGULI_ORIS, "mouthStretch"),
      new Link(Muscle.DEPRESSOR_ANGULI_ORIS, "mouthPress"));

  private static final CoActivation BUILT_IN = new CoActivation(List.of(0.4, 0.3, 0.6, 0.0, 0.15, 0.0, 0.0));

  public CoActivation {
    weights = List.copyOf(weights);
    if (weights.size() != LINKS.size()) {
      throw new IllegalArgumentException("need " + LINKS.size() + " co-activation weights: " + weights.size());
    }
    for (double w : weights) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException("a co-activation weight must be at least 0: " + weights);
      }
    }
  }

  /** No co-activation: FACS alone. */
  public static CoActivation none() {
    return new CoActivation(LINKS.stream().map(l -> 0.0).toList());
  }

  /** The weights derived from the voluntary-exercise table, which every simulation uses unless told otherwise. */
  public static CoActivation builtIn() {
    return BUILT_IN;
  }

  /** The weight of link {@code i} of {@link #LINKS}. */
  public double weight(int i) {
    return weights.get(i);
  }

  /** These weights with link {@code i} set to {@code w}. */
  public CoActivation with(int i, double w) {
    List<Double> out = new ArrayList<>(weights);
    out.set(i, w);
    return new CoActivation(out);
  }

  /** The shapes that co-activate {@code m} with a weight above 0, by ARKit base name. */
  public Map<String, Double> shapes(Muscle m) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < LINKS.size(); i++) {
      if (LINKS.get(i).muscle() == m && weights.get(i) > 0) {
        out.put(LINKS.get(i).shape(), weights.get(i));
      }
    }
    return out;
  }
}
