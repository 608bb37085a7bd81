package dev.mimik.track.stage;

import dev.mimik.learn.bioface.BlinkModel;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.signal.blink.EogClosure;
import dev.mimik.signal.filter.Sos;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;

/**
 * A tracking model's blink detector on a live stream ({@code mimik serve}): the offline detector run again, after
 * every video frame's worth of samples, on the last {@link #BUFFER_SECONDS} of the blink channel's EOG band, its
 * closure for a sample kept once that sample is {@link #delaySeconds()} old.
 *
 * <p>Why a sample's eyes are decided late: the detector's running-median baseline looks its half-width ahead, and a
 * blink's closure is its deflection over the blink's whole amplitude, known once the lids have reopened and
 * settled. A causal baseline trails the EOG band's slow gaze and head waves by more than the threshold and closed the
 * eyes away from blinks. The delay is the baseline's half-width plus {@link #MARGIN_SECONDS}; a blink that has not
 * ended by then is judged on its part so far. How far this agrees with the detector on the whole recording, and
 * what was tried: {@code docs/notes/blinks.md}.
 */
public final class LiveBlinks {

  /**
   * Seconds of EOG band the detector sees each time: room for its baseline and the band's edges, and no more, since
   * the detector runs on all of it after every frame ({@code docs/notes/blinks.md} has the buffer lengths tried).
   */
  public static final double BUFFER_SECONDS = 3;
  /** Beyond the baseline's look-ahead, how long a sample waits before its closure is decided (the level settling). */
  public static final double MARGIN_SECONDS = 0.1;

  private final EogClosure closure;
  private final int channel;
  private final double fs;
  private final Sos band;
  private final int delay;
  private final int hop;
  private final double[] buffer;
  private final double[] decided;
  private int filled;
  private long pushed;
  private long evaluatedAt;
  private long decidedUpTo;

  /**
   * @param blinks the model's calibrated detector
   * @param frontEnd the model's front end: its channels (the block order), rate, EOG band and frame rate
   */
  public LiveBlinks(BlinkModel blinks, FrontEnd frontEnd) {
    this.channel = frontEnd.channels().indexOf(blinks.channel());
    if (channel < 0) {
      throw new IllegalArgumentException("the blink channel '" + blinks.channel() + "' is not among "
          + frontEnd.channels());
    }
    this.closure = new EogClosure(blinks.detector());
    this.fs = frontEnd.samplingRateHz();
    this.band = frontEnd.splitter().eogFilter(fs);
    this.delay = (int) Math.ceil((blinks.detector().baselineSeconds() + MARGIN_SECONDS) * fs);
    this.hop = Math.max(1, (int) Math.round(fs / frontEnd.fps()));
    this.buffer = new double[(int) Math.ceil(BUFFER_SECONDS * fs)];
    this.decided = new double[delay + 2 * hop + buffer.length];
  }

  /** How long after a sample arrives its closure is decided. */
  public double delaySeconds() {
    return delay / fs;
  }

  /** Adds raw samples {@code block[channel][i]} in the front end's channel order. */
  public void push(double[][] block) {
    double[] x = block[channel];
    int keep = Math.min(buffer.length, filled + x.length) - Math.min(x.length, buffer.length);
    System.arraycopy(buffer, filled - keep, buffer, 0, keep);
    int take = Math.min(x.length, buffer.length);
    System.arraycopy(x, x.length - take, buffer, keep, take);
    filled = keep + take;
    pushed += x.length;
    if (pushed - evaluatedAt >= hop) {
      decide();
    }
  }

  /** Decides every sample pushed so far, judging blinks not yet ended on their part so far: the stream has ended. */
  public void decideAll() {
    decide(pushed);
  }

  /** Whether the closure at {@code seconds} after the first sample pushed is decided ({@link #closureAt}). */
  public boolean isDecided(double seconds) {
    return Math.round(seconds * fs) < decidedUpTo;
  }

  private void decide() {
    decide(pushed - delay);
  }

  private void decide(long upTo) {
    evaluatedAt = pushed;
    if (upTo <= decidedUpTo) {
      return;
    }
    double[] x = new double[filled];
    System.arraycopy(buffer, 0, x, 0, filled);
    double[] perSample = closure.closurePerSample(ZeroPhaseSosFilter.filter(band, x), fs);
    long first = pushed - filled;
    for (long i = Math.max(decidedUpTo, first); i < upTo; i++) {
      decided[(int) (i % decided.length)] = perSample[(int) (i - first)];
    }
    decidedUpTo = upTo;
  }

  /**
   * The decided closure probability at {@code seconds} after the first sample pushed: 0 before anything is decided
   * there or once it has left the memory of decided samples; the latest decided one for a time not decided yet.
   */
  public double closureAt(double seconds) {
    long i = Math.min(Math.round(seconds * fs), decidedUpTo - 1);
    if (i < 0 || i < decidedUpTo - decided.length) {
      return 0;
    }
    return decided[(int) (i % decided.length)];
  }
}
