package dev.mimik.learn.bioface;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;
import dev.mimik.signal.resample.PolyphaseResampler;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Picks a front end's channels out of a recording, by name, at the front end's rate: a recording at another rate
 * is resampled (polyphase) with a warning, and one whose rate cannot hold the bands is refused.
 */
public final class SessionSignals {

  private SessionSignals() {}

  /** The channels as {@code [channel][sample]} at {@code frontEnd.samplingRateHz()}. */
  public static double[][] select(Signal signal, FrontEnd frontEnd, Path file, Consumer<String> warnings) {
    int[] picked = indices(signal.channelNames(), frontEnd, file);
    double[][] out = new double[picked.length][];
    for (int c = 0; c < out.length; c++) {
      out[c] = atRate(signal.channel(picked[c]), frontEnd, file, warnings);
    }
    int n = Integer.MAX_VALUE;
    for (double[] x : out) {
      n = Math.min(n, x.length);
    }
    for (int c = 0; c < out.length; c++) {
      out[c] = java.util.Arrays.copyOf(out[c], n);
    }
    return out;
  }

  /**
   * Where the front end's channels are among a recording's {@code names}, in the front end's order.
   *
   * @throws BadInputException naming {@code file} if one is missing
   */
  public static int[] indices(java.util.List<String> names, FrontEnd frontEnd, Path file) {
    int[] out = new int[frontEnd.channels().size()];
    for (int c = 0; c < out.length; c++) {
      String name = frontEnd.channels().get(c);
      out[c] = names.indexOf(name);
      if (out[c] < 0) {
        throw new BadInputException(file, "has no channel '" + name + "' (it has " + names
            + "); the model was trained on " + frontEnd.channels());
      }
    }
    return out;
  }

  /**
   * The EOG band of the front end's channels in a recording, zero-phase (the offline front end's filter run forward
   * and backward), as {@code [channel][sample]} at the front end's rate.
   */
  public static double[][] eogBand(Signal signal, FrontEnd frontEnd, Path file, Consumer<String> warnings) {
    double[][] raw = select(signal, frontEnd, file, warnings);
    double[][] out = new double[raw.length][];
    for (int c = 0; c < raw.length; c++) {
      out[c] = ZeroPhaseSosFilter.filter(frontEnd.splitter().eogFilter(frontEnd.samplingRateHz()), raw[c]);
    }
    return out;
  }

  private static double[] atRate(Channel channel, FrontEnd frontEnd, Path file, Consumer<String> warnings) {
    double fs = channel.samplingRate();
    double want = frontEnd.samplingRateHz();
    if (Math.abs(fs - want) < 1e-9 * want) {
      return channel.samples();
    }
    if (fs / 2 <= frontEnd.emgLowHz() * 2) {
      throw new BadInputException(file, "channel '" + channel.name() + "' is sampled at " + fs
          + " Hz, too slow for the model's EMG band from " + frontEnd.emgLowHz() + " Hz");
    }
    try {
      PolyphaseResampler resampler = PolyphaseResampler.between(fs, want);
      warnings.accept(file + ": channel '" + channel.name() + "' is at " + fs + " Hz, resampled to the model's "
          + want + " Hz");
      return resampler.resample(channel.samples());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file, "channel '" + channel.name() + "' is at " + fs + " Hz and cannot be resampled"
          + " to the model's " + want + " Hz: " + e.getMessage());
    }
  }
}
