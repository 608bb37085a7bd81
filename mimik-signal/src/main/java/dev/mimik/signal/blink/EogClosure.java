package dev.mimik.signal.blink;

import java.util.List;

/**
 * Eye closure probability per video frame from a vertical EOG channel (the biosignal path of the eye state).
 *
 * <p>Blinks are found by a {@link BlinkDetector}. Inside each blink, the closure is the deflection above a baseline
 * divided by the blink's amplitude, clipped to [0, 1]: the lid's sweep over the cornea is what makes the blink
 * potential, so the deflection follows the lid and the peak is the closed eye. Outside blinks the closure is 0.
 *
 * <p>Vertical-gaze compensation: the eyeball's own vertical rotation also moves the vertical EOG. The baseline
 * under a blink is the straight line between the raw level just before its onset and just after its offset, so a
 * gaze level (looking down or up) or a slow gaze drift across the blink does not count as closure; and a gaze step
 * (a saccade, which the detector rejects because the signal does not return to its level) never counts at all.
 * This is what the landmark path cannot do: a downward look lowers the upper lid in the image, the EOG sees a step.
 *
 * @param detector the blink detector (its polarity says which way blinks deflect)
 */
public record EogClosure(BlinkDetector detector) {

  /** With {@link BlinkDetector#standard()}. */
  public static EogClosure standard() {
    return new EogClosure(BlinkDetector.standard());
  }

  /**
   * Closure probability at each frame time.
   *
   * @param samples the vertical EOG (ideally its 0.1-10 Hz band)
   * @param fs its sampling rate
   * @param frameTimes frame times in seconds from the first sample
   */
  public double[] closure(double[] samples, double fs, double[] frameTimes) {
    double[] perSample = closurePerSample(samples, fs);
    double[] out = new double[frameTimes.length];
    for (int f = 0; f < out.length; f++) {
      int i = (int) Math.round(frameTimes[f] * fs);
      out[f] = i >= 0 && i < perSample.length ? perSample[i] : 0;
    }
    return out;
  }

  /** Closure probability at every sample. */
  public double[] closurePerSample(double[] samples, double fs) {
    double[] out = new double[samples.length];
    List<Blink> blinks = detector.detect(samples, fs);
    double sign = detector.positive() ? 1 : -1;
    int settle = Math.max(1, (int) Math.round(BlinkDetector.SETTLE_SECONDS * fs));
    for (Blink b : blinks) {
      int on = (int) Math.floor(b.onsetSeconds() * fs);
      int off = Math.min(samples.length - 1, (int) Math.ceil(b.offsetSeconds() * fs));
      double before = meanOf(samples, on - settle, on);
      double after = meanOf(samples, off + 1, off + 1 + settle);
      for (int i = Math.max(0, on); i <= off; i++) {
        double t = off > on ? (i - on) / (double) (off - on) : 0;
        double baseline = before + t * (after - before);
        double deflection = sign * (samples[i] - baseline);
        out[i] = Math.min(1, Math.max(0, deflection / b.amplitude()));
      }
    }
    return out;
  }

  /** Mean of {@code x[from, to)} clipped to the signal. */
  private static double meanOf(double[] x, int from, int to) {
    int a = Math.max(0, from);
    int b = Math.min(x.length, to);
    if (b <= a) {
      return x[Math.min(Math.max(from, 0), x.length - 1)];
    }
    double s = 0;
    for (int i = a; i < b; i++) {
      s += x[i];
    }
    return s / (b - a);
  }
}
