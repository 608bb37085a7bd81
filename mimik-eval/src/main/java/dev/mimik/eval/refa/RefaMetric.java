package dev.mimik.eval.refa;

/** REFA's five quantitative metrics, each a score in [0, 1] where 1 is best. */
public enum RefaMetric {
  SEMANTIC_ACCURACY("semantic_accuracy", "Semantic Accuracy"),
  NEUTRALNESS("neutralness", "Neutralness"),
  SMOOTHNESS("smoothness", "Smoothness"),
  EYE_CLOSURE("eye_closure", "Eye Closure"),
  MOUTH_CLOSURE("mouth_closure", "Mouth Closure");

  private final String key;
  private final String title;

  RefaMetric(String key, String title) {
    this.key = key;
    this.title = title;
  }

  /** The name in files ({@code docs/FORMATS.md}). */
  public String key() {
    return key;
  }

  /** The name in REFA's Table 1. */
  public String title() {
    return title;
  }
}
