package dev.mimik.signal.segment;

import dev.mimik.core.data.Signal;
import dev.mimik.signal.WindowAlignment;

/**
 * Cuts one biosignal window per video frame: the network's input for that frame.
 *
 * <p>A frame at time {@code t} (seconds, on the biosignal's clock) is anchored at sample
 * {@code round((t - start) * fs)}; the window of {@code lengthSamples} sits {@link WindowAlignment#CENTRED}
 * around it offline or {@link WindowAlignment#TRAILING} (ending at it) live.
 *
 * <p>Edges: samples before the first or after the last are filled by {@link Edge#REPLICATE} (the end sample
 * repeated, so a filtered signal keeps its level) or {@link Edge#ZERO}, and the window is flagged incomplete in
 * {@link FrameWindows#complete()}, so callers may drop it.
 *
 * @param lengthSamples window length in samples, at least 1
 * @param alignment where the window sits relative to the frame time
 * @param edge how samples outside the signal are filled
 */
public record FrameWindowing(int lengthSamples, WindowAlignment alignment, Edge edge) {

  /** How samples outside the recording are filled. */
  public enum Edge {
    /** Repeat the first (or last) sample. */
    REPLICATE,
    /** Use zeros. */
    ZERO
  }

  public FrameWindowing {
    if (lengthSamples < 1) {
      throw new IllegalArgumentException("a window needs at least one sample: " + lengthSamples);
    }
  }

  /** Windows of {@code seconds} at rate {@code fs} (rounded to whole samples). */
  public static FrameWindowing ofSeconds(double seconds, double fs, WindowAlignment alignment) {
    return new FrameWindowing(Math.max(1, (int) Math.round(seconds * fs)), alignment, Edge.REPLICATE);
  }

  /** Windows of every channel of a uniform-rate signal at the given frame times. */
  public FrameWindows cut(Signal signal, double[] frameTimes) {
    if (!signal.hasUniformRate()) {
      throw new IllegalArgumentException("frame windows need one sampling rate for all channels");
    }
    double[][] channels = new double[signal.channelCount()][];
    for (int c = 0; c < channels.length; c++) {
      channels[c] = signal.channel(c).samples();
    }
    return cut(channels, signal.samplingRate(), signal.startTimeSeconds(), frameTimes);
  }

  /** Windows of {@code channels[c][sample]} (rate {@code fs}, first sample at {@code startSeconds}). */
  public FrameWindows cut(double[][] channels, double fs, double startSeconds, double[] frameTimes) {
    double[][][] out = new double[frameTimes.length][channels.length][lengthSamples];
    boolean[] complete = new boolean[frameTimes.length];
    for (int f = 0; f < frameTimes.length; f++) {
      int anchor = (int) Math.round((frameTimes[f] - startSeconds) * fs);
      int first = alignment.firstSample(anchor, lengthSamples);
      boolean inside = true;
      for (int c = 0; c < channels.length; c++) {
        double[] x = channels[c];
        int n = x.length;
        inside &= first >= 0 && first + lengthSamples <= n;
        double[] w = out[f][c];
        for (int i = 0; i < lengthSamples; i++) {
          int k = first + i;
          if (k >= 0 && k < n) {
            w[i] = x[k];
          } else if (edge == Edge.REPLICATE && n > 0) {
            w[i] = x[k < 0 ? 0 : n - 1];
          }
        }
      }
      complete[f] = inside;
    }
    return new FrameWindows(out, complete);
  }
}
