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
 * <p>With {@code emgSubBands} above one, the EMG band is further split into that many log-spaced sub-bands (a
 * Butterworth band-pass each, on the EMG band's output), one envelope per sub-band: what of the EMG spectrum a single
 * envelope discards (which muscle, how far from the electrode). With {@code sessionNormalised}, every input is
 * z-scored on the statistics of its own recording so far (causal, from the first sample pushed): an earpiece put on
 * afresh changes each lead's gain, which the log envelope turns into an offset and the EOG into a scale.
 *
 * <p>Model files written before these two settings existed carry neither; they read as one band, not normalised,
 * which is what those models were trained with.
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
 * @param emgSubBands EMG envelopes per channel, over log-spaced sub-bands of the EMG band (0 reads as 1: the whole
 *     band)
 * @param sessionNormalised whether every input is z-scored on its own recording's statistics so far
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
    double fps,
    int emgSubBands,
    boolean sessionNormalised) {

  /** Feature samples per second aimed at when choosing the decimation. */
  public static final double TARGET_FEATURE_RATE_HZ = 100;

  /** Most EMG sub-bands a front end may split the band into. */
  public static final int MAX_SUB_BANDS = 16;

  public FrontEnd {
    channels = List.copyOf(channels);
    emgSubBands = emgSubBands == 0 ? 1 : emgSubBands;
    if (emgSubBands < 1 || emgSubBands > MAX_SUB_BANDS) {
      throw new IllegalArgumentException("EMG sub-bands must be 1-" + MAX_SUB_BANDS + ": " + emgSubBands);
    }
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("a front end needs at least one channel");
    }
    if (decimation < 1 || !(samplingRateHz > 0) || !(fps > 0) || !(windowSeconds > 0) || !(envelopeSeconds > 0)) {
      throw new IllegalArgumentException("invalid front end settings: " + samplingRateHz + " Hz, decimation "
          + decimation + ", " + fps + " fps, window " + windowSeconds + " s");
    }
  }

  /** One EMG envelope per channel over the whole band, not normalised per recording. */
  public FrontEnd(List<String> channels, double samplingRateHz, double emgLowHz, double emgHighHz, double eogLowHz,
      double eogHighHz, double mainsHz, double envelopeSeconds, int decimation, double windowSeconds, double fps) {
    this(channels, samplingRateHz, emgLowHz, emgHighHz, eogLowHz, eogHighHz, mainsHz, envelopeSeconds, decimation,
        windowSeconds, fps, 1, false);
  }

  /** The defaults for these channels at this rate: EMG 20-450 Hz, EOG 0.1-10 Hz, 50 Hz notch, 0.5 s windows. */
  public static FrontEnd defaults(List<String> channels, double samplingRateHz, double fps) {
    int decimation = Math.max(1, (int) Math.round(samplingRateHz / TARGET_FEATURE_RATE_HZ));
    return new FrontEnd(channels, samplingRateHz, 20, 450, 0.1, 10, 50, 0.05, decimation, 0.5, fps);
  }

  /** These settings with another mains frequency to notch (0 for none). */
  public FrontEnd withMainsHz(double hz) {
    return new FrontEnd(channels, samplingRateHz, emgLowHz, emgHighHz, eogLowHz, eogHighHz, hz, envelopeSeconds,
        decimation, windowSeconds, fps, emgSubBands, sessionNormalised);
  }

  /** These settings with another number of EMG sub-bands (1: the whole band). */
  public FrontEnd withEmgSubBands(int bands) {
    return new FrontEnd(channels, samplingRateHz, emgLowHz, emgHighHz, eogLowHz, eogHighHz, mainsHz, envelopeSeconds,
        decimation, windowSeconds, fps, bands, sessionNormalised);
  }

  /** These settings with the inputs z-scored per recording, or not. */
  public FrontEnd withSessionNormalised(boolean normalised) {
    return new FrontEnd(channels, samplingRateHz, emgLowHz, emgHighHz, eogLowHz, eogHighHz, mainsHz, envelopeSeconds,
        decimation, windowSeconds, fps, emgSubBands, normalised);
  }

  /** These settings with another window length. */
  public FrontEnd withWindowSeconds(double seconds) {
    return new FrontEnd(channels, samplingRateHz, emgLowHz, emgHighHz, eogLowHz, eogHighHz, mainsHz, envelopeSeconds,
        decimation, seconds, fps, emgSubBands, sessionNormalised);
  }

  /** Network inputs per channel: its EMG envelopes, then its EOG trace. */
  public int inputsPerChannel() {
    return emgSubBands + 1;
  }

  /** Number of network inputs: {@link #inputsPerChannel} per channel, channel by channel. */
  public int inputCount() {
    return inputsPerChannel() * channels.size();
  }

  /** Whether input {@code i} is an EMG envelope (a logarithm); otherwise it is an EOG trace. */
  public boolean isEnvelope(int input) {
    return input % inputsPerChannel() < emgSubBands;
  }

  /** The channel input {@code i} comes from. */
  public int channelOf(int input) {
    return input / inputsPerChannel();
  }

  /**
   * The sub-bands of the EMG band at this front end's rate, log-spaced from its lower edge to its upper edge as
   * clipped to the rate: empty for one band (the EMG band's own envelope).
   */
  public List<Band> emgSubBandList() {
    if (emgSubBands == 1) {
      return List.of();
    }
    double low = emgLowHz;
    double high = new Band("EMG", emgLowHz, emgHighHz, 4).effectiveHighHz(samplingRateHz);
    Band[] out = new Band[emgSubBands];
    for (int b = 0; b < emgSubBands; b++) {
      double lo = low * Math.pow(high / low, b / (double) emgSubBands);
      double hi = low * Math.pow(high / low, (b + 1) / (double) emgSubBands);
      out[b] = new Band("EMG" + (b + 1), lo, hi, SUB_BAND_ORDER);
    }
    return List.of(out);
  }

  /** Butterworth order of each EMG sub-band's band-pass. */
  public static final int SUB_BAND_ORDER = 4;

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
