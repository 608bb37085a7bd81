package dev.mimik.signal.artefact;

import java.util.ArrayList;
import dev.mimik.core.io.TempColumns;
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
    Steps steps = new Steps(rate);
    for (double v : samples) {
      steps.add(v);
    }
    double[] sum = new double[samples.length + 1];
    for (int i = 0; i < samples.length; i++) {
      sum[i + 1] = sum[i] + samples[i];
    }
    return merge(detectIn(sum, 0, 0, samples.length, steps.threshold(), rate));
  }

  /** Samples in the smoothing window at {@code rate}. */
  private int window(double rate) {
    return Math.max(1, (int) Math.round(windowSeconds * rate));
  }

  /**
   * The first pass over a channel read in parts: its samples (uV) one at a time, in order, for the detection
   * threshold (a robust spread of the step statistic over the whole channel, sampled every quarter window).
   */
  public final class Steps {
    private final int w;
    private final int stride;
    private final double[] ring;
    private final TempColumns store;
    private final int column;
    private double[] values = new double[1024];
    private int count;
    private int stored;
    private long n;
    private double sum;

    /** For a channel sampled at {@code rate} Hz. */
    public Steps(double rate) {
      this(rate, null, 0);
    }

    /**
     * As {@link #Steps(double)}, keeping the step statistic (one value per quarter window, which a long recording
     * makes many of) in column {@code column} of {@code store} rather than on the heap (null: on the heap).
     */
    public Steps(double rate, TempColumns store, int column) {
      this.w = window(rate);
      this.stride = Math.max(1, w / 4);
      this.ring = new double[2 * w + 1];
      this.store = store;
      this.column = column;
    }

    /** The next sample, uV. */
    public void add(double uv) {
      sum += uv; // the prefix sum up to sample n, in the order detect sums
      n++;
      ring[(int) (n % ring.length)] = sum;
      long i = n - w;
      if (i >= w && (i - w) % stride == 0) {
        double step = (sum - at(i)) / w - (at(i) - at(i - w)) / w;
        if (store != null && count - stored == values.length) {
          flush();
        } else if (store == null && count == values.length) {
          values = Arrays.copyOf(values, 2 * count);
        }
        values[count++ - stored] = step;
      }
    }

    private void flush() {
      store.append(column, values, 0, count - stored);
      stored = count;
    }

    private double at(long i) {
      return ring[(int) (i % ring.length)];
    }

    /** The step height above which a pop is looked for; infinite when the channel is too short to search. */
    public double threshold() {
      if (n < 4L * w) {
        return Double.POSITIVE_INFINITY;
      }
      int kept = (int) ((n - 2L * w) / stride);
      double[] v;
      if (store == null) {
        v = Arrays.copyOf(values, kept);
      } else {
        flush();
        v = store.read(column, 0, kept);
      }
      double median = median(v);
      for (int k = 0; k < v.length; k++) {
        v[k] = Math.abs(v[k] - median);
      }
      return Math.max(minStepUv, robustSigmas * (1.4826 * median(v)));
    }
  }

  /**
   * The pops (not yet merged) of a channel read in parts whose steps start at samples {@code [coreFrom, coreTo)}:
   * {@code sum} holds the channel's prefix sums (uV) from sample {@code origin} on ({@code sum[0]} the sum of the
   * samples before it, added in order), {@code threshold} is {@link Steps#threshold()}. Parts reaching a few seconds
   * beyond their core on each side give the pops the whole channel gives; merging those of all cores in order gives
   * {@link #detect}.
   */
  public List<Artefact> detectIn(double[] sum, long origin, long coreFrom, long coreTo, double threshold,
      double rate) {
    List<Artefact> found = new ArrayList<>();
    if (Double.isInfinite(threshold)) {
      return found;
    }
    int w = window(rate);
    long n = origin + sum.length - 1;
    Prefix p = new Prefix(sum, origin);
    long i = Math.max(w, origin + w);
    while (i + w <= n && i < coreTo) {
      if (Math.abs(p.step(i, w)) <= threshold) {
        i++;
        continue;
      }
      long runStart = i;
      long peak = i;
      double height = p.step(peak, w);
      while (i + w <= n && Math.abs(p.step(i, w)) > threshold && Math.signum(p.step(i, w)) == Math.signum(height)) {
        if (Math.abs(p.step(i, w)) > Math.abs(height)) {
          peak = i;
          height = p.step(peak, w);
        }
        i++;
      }
      if (runStart >= coreFrom && sharp(p, n, peak, w, height, rate)) {
        found.add(pop(p, n, peak, w, height, rate));
      }
    }
    return found;
  }

  /** Prefix sums from sample {@code origin} on, addressed by sample index. */
  private record Prefix(double[] sum, long origin) {
    double at(long i) {
      return sum[(int) (i - origin)];
    }

    double step(long i, int w) {
      return (at(i + w) - at(i)) / w - (at(i) - at(i - w)) / w;
    }
  }

  /**
   * Whether the step at {@code peak} happens within {@code edgeSeconds}: the mean over that short time after some
   * sample near the peak differs from the mean over the same time before it by at least half the step. An electrode
   * pop jumps from one sample to the next; a blink or saccade in the EOG, and an EMG burst, build up over tens of
   * milliseconds.
   */
  private boolean sharp(Prefix sum, long n, long peak, int w, double height, double rate) {
    int e = Math.max(1, (int) Math.round(edgeSeconds * rate));
    for (long i = Math.max(e, peak - w / 2); i <= Math.min(n - e, peak + w / 2); i++) {
      double s = (sum.at(i + e) - sum.at(i)) / e - (sum.at(i) - sum.at(i - e)) / e;
      if (s * Math.signum(height) >= 0.5 * Math.abs(height)) {
        return true;
      }
    }
    return false;
  }

  private Artefact pop(Prefix sum, long n, long onset, int w, double height, double rate) {
    double before = (sum.at(onset) - sum.at(onset - w)) / w;
    double target = Math.abs(height) / Math.E;
    long limit = Math.min(n - w, onset + (int) (maxDecaySeconds * rate));
    long j = onset;
    while (j < limit && Math.abs((sum.at(j + w) - sum.at(j)) / w - before) > target) {
      j++;
    }
    double tau = Math.max(w, j - onset + w / 2.0) / rate;
    double end = onset / rate + tau * Math.max(1, Math.log(Math.abs(height) / floorUv));
    return new Artefact(Math.max(0, (onset - w) / rate), Math.min(n / rate, end));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** {@code found}, in time order, with overlapping pops merged into one. */
  public static List<Artefact> merge(List<Artefact> found) {
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
