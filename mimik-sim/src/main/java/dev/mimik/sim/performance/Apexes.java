package dev.mimik.sim.performance;

import dev.mimik.core.data.Blendshapes;
import java.util.Map;

/** Builds an apex row of ARKit-52 weights from base names, a side-less base name setting both sides. */
final class Apexes {

  private Apexes() {}

  static double[] of(Map<String, Double> bases) {
    double[] apex = new double[Blendshapes.ARKIT_52.size()];
    for (var e : bases.entrySet()) {
      int both = Blendshapes.indexOf(e.getKey());
      if (both >= 0) {
        apex[both] = e.getValue();
      } else {
        apex[index(e.getKey() + "Left")] = e.getValue();
        apex[index(e.getKey() + "Right")] = e.getValue();
      }
    }
    return apex;
  }

  private static int index(String name) {
    int k = Blendshapes.indexOf(name);
    if (k < 0) {
      throw new IllegalStateException("not an ARKit name: " + name);
    }
    return k;
  }
}
