package dev.mimik.learn.ego.post;

import java.util.Arrays;

/**
 * {@link RangeOfMotion} calibration learned while a person uses the headset: each shape's rest is a running
 * {@link RangeOfMotion#REST_QUANTILE} quantile and its reach the largest held peak so far; both are learned fast
 * over the first seconds ({@code warmupSeconds}) and slowly after (a reach fades towards rest with
 * {@code memorySeconds}, so a person's range can shrink again). Gains follow their targets with a time constant of
 * {@link #GAIN_SECONDS} so that the face never jumps when a new peak raises a reach. Not thread-safe.
 */
public final class OnlineRangeOfMotion {

  /** Time constant of a gain following its target, seconds. */
  public static final double GAIN_SECONDS = 0.5;
  /** How fast the rest quantile moves during the warm-up, weight per second; ten times slower after. */
  static final double REST_RATE = 0.3;

  private final RangeOfMotion settings;
  private final double warmupSeconds;
  private final double memorySeconds;
  private final int n;
  private final double[] rest;
  private final double[] reach;
  private final double[] gain;
  private final double[][] recent;
  private int seen;
  private double start = Double.NaN;
  private double last = Double.NaN;

  /**
   * @param settings the reference and the guards
   * @param warmupSeconds the first seconds, learned fast
   * @param memorySeconds how long a reach is remembered after the warm-up
   */
  public OnlineRangeOfMotion(RangeOfMotion settings, double warmupSeconds, double memorySeconds) {
    if (!(warmupSeconds >= 0) || !(memorySeconds > 0)) {
      throw new IllegalArgumentException("warm-up must not be negative and memory must be positive");
    }
    this.settings = settings;
    this.warmupSeconds = warmupSeconds;
    this.memorySeconds = memorySeconds;
    this.n = settings.reference().length;
    this.rest = new double[n];
    this.reach = new double[n];
    this.gain = new double[n];
    Arrays.fill(gain, 1);
    this.recent = new double[RangeOfMotion.REACH_FRAMES][];
  }

  /** Learns from the frame at time {@code t} (seconds, increasing) and returns it calibrated. */
  public double[] apply(double t, double[] w) {
    if (w.length != n) {
      throw new IllegalArgumentException(n + " weights expected, not " + w.length);
    }
    if (Double.isNaN(start)) {
      start = t;
      last = t;
    }
    double dt = Math.max(0, t - last);
    last = t;
    boolean warm = t - start < warmupSeconds;
    double step = REST_RATE * (warm ? 1 : 0.1) * Math.max(dt, 1e-3);
    recent[seen++ % recent.length] = w.clone();
    int held = Math.min(seen, recent.length);
    double fade = warm ? 1 : Math.exp(-dt / memorySeconds);
    double follow = 1 - Math.exp(-dt / GAIN_SECONDS);
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      double q = RangeOfMotion.REST_QUANTILE;
      rest[k] += w[k] < rest[k] ? -step * (1 - q) : step * q;
      double mean = 0;
      for (int i = 0; i < held; i++) {
        mean += recent[i][k] / held;
      }
      reach[k] = Math.max(mean - rest[k], reach[k] * fade);
      double target = settings.gain(reach[k], k);
      gain[k] = seen == 1 ? target : gain[k] + (target - gain[k]) * follow;
      out[k] = Math.max(0, Math.min(1, (w[k] - rest[k]) * gain[k]));
    }
    return out;
  }

  /** The calibration as it stands. */
  public RangeOfMotion.Calibration current() {
    return new RangeOfMotion.Calibration(rest, gain);
  }
}
