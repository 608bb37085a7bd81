package dev.mimik.signal.artefact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds electrode pops on a raw channel from the signal alone: a sudden step of the electrode potential (tens to
 * hundreds of uV, where facial EMG is 1-60 uV RMS) that then decays over a fraction of a second.
 *
 * <p>The channel is smoothed by a moving mean of {@code windowSeconds}, which leaves the EMG band (above 10 Hz) at a
 * fraction of its amplitude and keeps the step. The step statistic at a sample is the mean of the window after it
 * minus the mean of the window before it; a pop is a local extreme of that statistic more than {@code robustSigmas}
 * times its robust spread (1.4826 times its median absolute deviation) and at least {@code minStepUv} from zero,
 * whose step happens within {@code edgeSeconds}: the same statistic over that short time reaches half the step
 * (blinks and saccades in the EOG, and EMG bursts, build up over tens of milliseconds).
 * The decay time constant is where the smoothed signal first falls to 1/e of the step above the level before it;
 * the pop is taken to end when its exponential would have fallen to {@code floorUv}. Each artefact runs from one
 * window before the onset to that end; overlapping ones are merged.
 *
 * @param windowSeconds the smoothing window and the step statistic's half width
 * @param robustSigmas how far beyond the statistic's robust spread a step must reach
 * @param minStepUv the smallest step height counted as a pop, uV
 * @param floorUv the residual below which a decaying pop no longer counts, uV
 * @param maxDecaySeconds the longest decay time constant looked for
 * @param edgeSeconds how quickly the step must happen (see {@link #detect})
 */
public record PopDetector(double windowSeconds, double robustSigmas, double minStepUv, double floorUv,
    double maxDecaySeconds, double edgeSeconds) {

  /**
   * Defaults: 50 ms windows, 10 robust sigmas, steps of at least 50 uV within 2 ms, followed down to 10 uV, decays
   * up to 2 s.
   */
  public static PopDetector standard() {
    return new PopDetector(0.05, 10, 50, 10, 2, 0.002);
  }

  /** The pops on {@code samples} (uV) sampled at {@code rate} Hz, in time order, merged where they overlap. */
  public List<Artefact> detect(double[] samples, double rate) {
    int w = Math.max(1, (int) Math.round(windowSeconds * rate));
    int n = samples.length;
    if (n < 4 * w) {
      return List.of();
    }
    double[] sum = new double[n + 1];
    for (int i = 0; i < n; i++) {
      sum[i + 1] = sum[i] + samples[i];
    }
    double[] step = new double[n];
    for (int i = w; i + w <= n; i++) {
      step[i] = (sum[i + w] - sum[i]) / w - (sum[i] - sum[i - w]) / w;
    }
    double threshold = Math.max(minStepUv, robustSigmas * robustSpread(step, w));
    List<Artefact> found = new ArrayList<>();
    int i = w;
    while (i + w <= n) {
      if (Math.abs(step[i]) <= threshold) {
        i++;
        continue;
      }
      int peak = i;
      while (i + w <= n && Math.abs(step[i]) > threshold && Math.signum(step[i]) == Math.signum(step[peak])) {
        if (Math.abs(step[i]) > Math.abs(step[peak])) {
          peak = i;
        }
        i++;
      }
      if (sharp(sum, peak, w, step[peak], rate)) {
        found.add(pop(sum, peak, w, step[peak], rate));
      }
    }
    return merge(found);
  }

  /**
   * Whether the step at {@code peak} happens within {@code edgeSeconds}: the mean over that short time after some
   * sample near the peak differs from the mean over the same time before it by at least half the step. An electrode
   * pop jumps from one sample to the next; a blink or saccade in the EOG, and an EMG burst, build up over tens of
   * milliseconds.
   */
  private boolean sharp(double[] sum, int peak, int w, double height, double rate) {
    int e = Math.max(1, (int) Math.round(edgeSeconds * rate));
    int n = sum.length - 1;
    for (int i = Math.max(e, peak - w / 2); i <= Math.min(n - e, peak + w / 2); i++) {
      double s = (sum[i + e] - sum[i]) / e - (sum[i] - sum[i - e]) / e;
      if (s * Math.signum(height) >= 0.5 * Math.abs(height)) {
        return true;
      }
    }
    return false;
  }

  private Artefact pop(double[] sum, int onset, int w, double height, double rate) {
    int n = sum.length - 1;
    double before = (sum[onset] - sum[onset - w]) / w;
    double target = Math.abs(height) / Math.E;
    int limit = Math.min(n - w, onset + (int) (maxDecaySeconds * rate));
    int j = onset;
    while (j < limit && Math.abs((sum[j + w] - sum[j]) / w - before) > target) {
      j++;
    }
    double tau = Math.max(w, j - onset + w / 2.0) / rate;
    double end = onset / rate + tau * Math.max(1, Math.log(Math.abs(height) / floorUv));
    return new Artefact(Math.max(0, (onset - w) / rate), Math.min(n / rate, end));
  }

  private static double robustSpread(double[] step, int w) {
    int stride = Math.max(1, w / 4);
    double[] v = new double[(step.length - 2 * w) / stride];
    for (int k = 0; k < v.length; k++) {
      v[k] = step[w + k * stride];
    }
    double median = median(v);
    for (int k = 0; k < v.length; k++) {
      v[k] = Math.abs(v[k] - median);
    }
    return 1.4826 * median(v);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static List<Artefact> merge(List<Artefact> found) {
    List<Artefact> out = new ArrayList<>();
    for (Artefact a : found) {
      Artefact last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && a.startSeconds() <= last.endSeconds()) {
        out.set(out.size() - 1, new Artefact(last.startSeconds(), Math.max(last.endSeconds(), a.endSeconds())));
      } else {
        out.add(a);
      }
    }
    return out;
  }
}
