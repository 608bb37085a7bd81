package dev.mimik.core.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Art priors (REFA §6.2): for each peak-expression prompt, the few key blendshapes an artist expects to see and how
 * strongly, written once by hand. Not exact labels: sparse, and only meant for the apex of a peak expression.
 *
 * @param byPrompt prompt to (ARKit blendshape name to expected activation in (0, 1])
 */
public record ArtPriors(Map<String, Map<String, Double>> byPrompt) {

  public ArtPriors {
    Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
    byPrompt.forEach((prompt, keys) -> {
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("prompt " + prompt + " has no key blendshapes");
      }
      keys.forEach((name, a) -> {
        if (Blendshapes.indexOf(name) < 0) {
          throw new IllegalArgumentException("prompt " + prompt + ": " + name + " is not an ARKit blendshape");
        }
        if (!(a > 0 && a <= 1)) {
          throw new IllegalArgumentException("prompt " + prompt + ": " + name + " expects " + a + ", not in (0, 1]");
        }
      });
      copy.put(prompt, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys)));
    });
    byPrompt = java.util.Collections.unmodifiableMap(copy);
  }

  /** The prompts that have priors. */
  public Set<String> prompts() {
    return byPrompt.keySet();
  }

  /** The expected activations of a prompt's key blendshapes, or an empty map for a prompt without priors. */
  public Map<String, Double> expected(String prompt) {
    return byPrompt.getOrDefault(prompt, Map.of());
  }
}
