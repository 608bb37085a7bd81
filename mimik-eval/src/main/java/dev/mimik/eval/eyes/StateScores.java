package dev.mimik.eval.eyes;

/**
 * Agreement of reconstructed and true binary states (eye open/closed, mouth open/closed): accuracy and F1 with
 * "open" as the positive class, as the paper scores eye states.
 *
 * @param accuracy fraction of frames whose reconstructed state matches the truth
 * @param f1 harmonic mean of precision and recall of "open" (0 when nothing is or is predicted open)
 * @param frames frames scored
 */
public record StateScores(double accuracy, double f1, int frames) {

  /** Scores paired states; frames whose truth is null (ambiguous, e.g. half-closed) are left out. */
  public static StateScores of(Boolean[] trueOpen, boolean[] reconstructedOpen) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int right = 0;
    int n = 0;
    for (int i = 0; i < trueOpen.length; i++) {
      if (trueOpen[i] == null) {
        continue;
      }
      n++;
      boolean t = trueOpen[i];
      boolean p = reconstructedOpen[i];
      right += t == p ? 1 : 0;
      tp += t && p ? 1 : 0;
      fp += !t && p ? 1 : 0;
      fn += t && !p ? 1 : 0;
    }
    double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    return new StateScores(n == 0 ? Double.NaN : right / (double) n, f1, n);
  }
}
