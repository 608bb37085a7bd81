package dev.mimik.learn.baseline;

/**
 * Per-frame features of a biosignal window for the linear baseline: for each input, the RMS over the whole window
 * (band power of a band-passed input) and the RMS over its most recent quarter (what the signal does right now).
 */
public final class WindowFeatures {

  private WindowFeatures() {}

  /** The number of features of a window with this many inputs. */
  public static int count(int inputs) {
    return 2 * inputs;
  }

  /** The features of one window {@code [input][sample]}. */
  public static double[] of(float[][] window) {
    double[] out = new double[count(window.length)];
    for (int i = 0; i < window.length; i++) {
      float[] x = window[i];
      int recent = Math.max(1, x.length / 4);
      out[2 * i] = rms(x, 0, x.length);
      out[2 * i + 1] = rms(x, x.length - recent, x.length);
    }
    return out;
  }

  private static double rms(float[] x, int from, int to) {
    double sum = 0;
    for (int s = from; s < to; s++) {
      sum += (double) x[s] * x[s];
    }
    return Math.sqrt(sum / (to - from));
  }
}
