package dev.mimik.learn.bioface;

import dev.mimik.signal.band.Band;
import dev.mimik.signal.band.BandSplitter;
import dev.mimik.signal.band.MainsNotch;
import java.util.List;
import java.util.Optional;

/**
 * How raw biosignals become BioNet's input windows, stored with every model so tracking repeats exactly what
 * training did.
 *
 * <p>Each raw channel is split into its EMG band and its EOG band (BioFace-3D's earpiece records both on the same
 * electrodes), after a mains notch. The EMG band becomes a trailing RMS envelope ({@code log(1 + rms/µV)}, which
 * turns electrode gain into an offset the normalisation removes); the EOG band is kept as it is. Both are decimated
 * to the feature rate, and the input of one video frame is the trailing window of {@code windowSeconds} ending at
 * the frame's time, so the same windows can be cut live.
 *
 * @param channels the raw channel names the model was trained on, in input order
 * @param samplingRateHz the raw rate the model was trained at
 * @param emgLowHz lower edge of the EMG band
 * @param emgHighHz upper edge of the EMG band (clipped to 0.95 of Nyquist)
 * @param eogLowHz lower edge of the EOG band
 * @param eogHighHz upper edge of the EOG band
 * @param mainsHz mains frequency to notch (with harmonics), or 0 for none
 * @param envelopeSeconds length of the EMG RMS window
 * @param decimation raw samples per feature sample
 * @param windowSeconds length of one frame's window
 * @param fps video frame rate: one output frame every {@code 1/fps} seconds
 */
public record FrontEnd(
    List<String> channels,
    double samplingRateHz,
    double emgLowHz,
    double emgHighHz,
    double eogLowHz,
    double eogHighHz,
    double mainsHz,
    double envelopeSeconds,
    int decimation,
    double windowSeconds,
    double fps) {

  /** Feature samples per second aimed at when choosing the decimation. */
  public static final double TARGET_FEATURE_RATE_HZ = 100;

  public FrontEnd {
    channels = List.copyOf(channels);
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("a front end needs at least one channel");
    }
    if (decimation < 1 || !(samplingRateHz > 0) || !(fps > 0) || !(windowSeconds > 0) || !(envelopeSeconds > 0)) {
      throw new IllegalArgumentException("invalid front end settings: " + samplingRateHz + " Hz, decimation "
          + decimation + ", " + fps + " fps, window " + windowSeconds + " s");
    }
  }

  /** The defaults for these channels at this rate: EMG 20-450 Hz, EOG 0.1-10 Hz, 50 Hz notch, 0.5 s windows. */
  public static FrontEnd defaults(List<String> channels, double samplingRateHz, double fps) {
    int decimation = Math.max(1, (int) Math.round(samplingRateHz / TARGET_FEATURE_RATE_HZ));
    return new FrontEnd(channels, samplingRateHz, 20, 450, 0.1, 10, 50, 0.05, decimation, 0.5, fps);
  }

  /** These settings with another mains frequency to notch (0 for none). */
  public FrontEnd withMainsHz(double hz) {
    return new FrontEnd(channels, samplingRateHz, emgLowHz, emgHighHz, eogLowHz, eogHighHz, hz, envelopeSeconds,
        decimation, windowSeconds, fps);
  }

  /** Number of network inputs: an EMG envelope and an EOG trace per channel. */
  public int inputCount() {
    return 2 * channels.size();
  }

  /** Feature samples per second. */
  public double featureRateHz() {
    return samplingRateHz / decimation;
  }

  /** Feature samples in one frame's window. */
  public int windowSamples() {
    return Math.max(1, (int) Math.round(windowSeconds * featureRateHz()));
  }

  /** The band split this front end applies. */
  public BandSplitter splitter() {
    Optional<MainsNotch> notch = mainsHz > 0 ? Optional.of(new MainsNotch(mainsHz, 30, 5)) : Optional.empty();
    return new BandSplitter(new Band("EMG", emgLowHz, emgHighHz, 4), new Band("EOG", eogLowHz, eogHighHz, 4), notch);
  }
}
