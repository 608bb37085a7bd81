package dev.mimik.learn.bionet;

/**
 * Per-input mean and standard deviation of the biosignal windows and per-coordinate mean and standard deviation of
 * the landmark targets, measured on the training data and stored with the model, so that tracking applies exactly
 * the scaling the network was trained with.
 *
 * @param inputMean mean of each input over all training windows and samples
 * @param inputStd standard deviation of each input (never zero)
 * @param targetMean mean of each output coordinate ({@code x0, y0, x1, ...})
 * @param targetStd standard deviation of each output coordinate (never zero)
 */
public record Normalisation(double[] inputMean, double[] inputStd, double[] targetMean, double[] targetStd) {

  private static final double FLOOR = 1e-9;

  /** Validates that the arrays pair up and every standard deviation is positive. */
  public Normalisation {
    if (inputMean.length != inputStd.length || targetMean.length != targetStd.length) {
      throw new IllegalArgumentException("means and standard deviations differ in length");
    }
    for (double s : inputStd) {
      requirePositive(s);
    }
    for (double s : targetStd) {
      requirePositive(s);
    }
  }

  private static void requirePositive(double s) {
    if (!(s > 0) || Double.isInfinite(s)) {
      throw new IllegalArgumentException("standard deviation must be positive and finite: " + s);
    }
  }

  /** Measures the statistics of training windows {@code [frame][input][sample]} and targets {@code [frame][coord]}. */
  public static Normalisation fit(float[][][] windows, float[][] targets) {
    if (windows.length == 0 || windows.length != targets.length) {
      throw new IllegalArgumentException("need as many windows as targets, at least one: " + windows.length + " vs " + targets.length);
    }
    int inputs = windows[0].length;
    double[] inMean = new double[inputs];
    double[] inStd = new double[inputs];
    for (int i = 0; i < inputs; i++) {
      double sum = 0;
      double sumSq = 0;
      long n = 0;
      for (float[][] window : windows) {
        for (float v : window[i]) {
          sum += v;
          sumSq += (double) v * v;
        }
        n += window[i].length;
      }
      inMean[i] = sum / n;
      inStd[i] = Math.max(Math.sqrt(Math.max(sumSq / n - inMean[i] * inMean[i], 0)), FLOOR);
    }
    int coords = targets[0].length;
    double[] tMean = new double[coords];
    double[] tStd = new double[coords];
    for (int c = 0; c < coords; c++) {
      double sum = 0;
      for (float[] t : targets) {
        sum += t[c];
      }
      tMean[c] = sum / targets.length;
      double var = 0;
      for (float[] t : targets) {
        var += (t[c] - tMean[c]) * (t[c] - tMean[c]);
      }
      tStd[c] = Math.max(Math.sqrt(var / targets.length), FLOOR);
    }
    return new Normalisation(inMean, inStd, tMean, tStd);
  }

  /** The number of inputs. */
  public int inputs() {
    return inputMean.length;
  }

  /** The number of target coordinates. */
  public int coordinates() {
    return targetMean.length;
  }

  /** Writes the normalised window (input-major) into {@code out} starting at {@code offset}. */
  public void normaliseWindow(float[][] window, float[] out, int offset) {
    int k = offset;
    for (int i = 0; i < window.length; i++) {
      float mean = (float) inputMean[i];
      float scale = (float) (1 / inputStd[i]);
      for (float v : window[i]) {
        out[k++] = (v - mean) * scale;
      }
    }
  }

  /** Writes the normalised target into {@code out} starting at {@code offset}. */
  public void normaliseTarget(float[] target, float[] out, int offset) {
    for (int c = 0; c < target.length; c++) {
      out[offset + c] = (float) ((target[c] - targetMean[c]) / targetStd[c]);
    }
  }

  /** The target in aligned coordinates for a normalised network output. */
  public float[] denormaliseTarget(float[] normalised, int offset) {
    float[] out = new float[targetMean.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = (float) (normalised[offset + c] * targetStd[c] + targetMean[c]);
    }
    return out;
  }
}
