package dev.mimik.learn.bioface;

import dev.mimik.signal.band.Band;
import dev.mimik.signal.band.BandSplitter;
import dev.mimik.signal.envelope.SlidingRms;
import dev.mimik.signal.filter.CausalSosFilter;
import java.util.List;

/**
 * Turns a stream of raw (or already band-filtered) biosignal samples into {@link FrontEnd} features and cuts the
 * trailing window of any frame time from them, in bounded memory: the same code serves training, offline tracking
 * and live tracking, so their inputs cannot drift apart.
 *
 * <p>Feature {@code k} summarises raw samples up to index {@code (k + 1) * decimation - 1}; its time is that
 * sample's time. Inputs are ordered channel by channel: the EMG envelopes (one per sub-band, lowest first), then
 * the EOG. Sub-bands are filtered causally from the EMG band pushed; a session-normalised front end z-scores each
 * feature on the mean and standard deviation of that input's features so far, itself included.
 */
public final class FeatureStream {

  private final FrontEnd frontEnd;
  private final double startSeconds;
  private final int channels;
  private final int decimation;
  private final int window;
  private final BandSplitter.Live[] splitters;
  private final int perChannel;
  private final int subBands;
  private final CausalSosFilter[][] subBandFilters;
  private final SlidingRms[][] envelopes;
  private final double[] sum;
  private final double[] sumSquares;
  private final float[][] ring;
  private long rawCount;
  private long featureCount;
  private double[][] emgScratch = new double[0][0];
  private double[][] eogScratch = new double[0][0];

  /**
   * @param frontEnd the feature settings
   * @param startSeconds biosignal-clock time of the first raw sample
   * @param historySeconds how much feature history to keep (at least one window)
   */
  public FeatureStream(FrontEnd frontEnd, double startSeconds, double historySeconds) {
    this.frontEnd = frontEnd;
    this.startSeconds = startSeconds;
    this.channels = frontEnd.channels().size();
    this.decimation = frontEnd.decimation();
    this.window = frontEnd.windowSamples();
    BandSplitter splitter = frontEnd.splitter();
    this.perChannel = frontEnd.inputsPerChannel();
    this.subBands = frontEnd.emgSubBands();
    List<Band> bands = frontEnd.emgSubBandList();
    splitters = new BandSplitter.Live[channels];
    subBandFilters = new CausalSosFilter[channels][bands.size()];
    envelopes = new SlidingRms[channels][subBands];
    int rmsSamples = SlidingRms.samplesFor(frontEnd.envelopeSeconds(), frontEnd.samplingRateHz());
    for (int c = 0; c < channels; c++) {
      splitters[c] = splitter.live(frontEnd.samplingRateHz());
      for (int b = 0; b < bands.size(); b++) {
        subBandFilters[c][b] = new CausalSosFilter(bands.get(b).design(frontEnd.samplingRateHz()));
      }
      for (int b = 0; b < subBands; b++) {
        envelopes[c][b] = new SlidingRms(rmsSamples);
      }
    }
    int capacity = Math.max(window, (int) Math.ceil(historySeconds * frontEnd.featureRateHz()) + 1);
    ring = new float[frontEnd.inputCount()][capacity];
    sum = new double[ring.length];
    sumSquares = new double[ring.length];
  }

  /** The settings this stream applies. */
  public FrontEnd frontEnd() {
    return frontEnd;
  }

  /** Adds raw samples {@code block[channel][i]} (all channels the same length), filtered causally here. */
  public void pushRaw(double[][] block) {
    int n = block[0].length;
    if (emgScratch.length != channels || emgScratch[0].length < n) {
      emgScratch = new double[channels][n];
      eogScratch = new double[channels][n];
    }
    for (int c = 0; c < channels; c++) {
      splitters[c].process(block[c], emgScratch[c], eogScratch[c]);
    }
    pushBands(emgScratch, eogScratch, 0, n);
  }

  /** Adds band-filtered samples {@code emg[channel][i]} and {@code eog[channel][i]} for {@code i} in a range. */
  public void pushBands(double[][] emg, double[][] eog, int from, int to) {
    for (int i = from; i < to; i++) {
      boolean emit = (rawCount + 1) % decimation == 0;
      int slot = (int) (featureCount % ring[0].length);
      for (int c = 0; c < channels; c++) {
        for (int b = 0; b < subBands; b++) {
          double x = subBandFilters[c].length == 0 ? emg[c][i] : subBandFilters[c][b].process(emg[c][i]);
          double rms = envelopes[c][b].process(x);
          if (emit) {
            store(c * perChannel + b, slot, Math.log1p(rms));
          }
        }
        if (emit) {
          store(c * perChannel + subBands, slot, eog[c][i]);
        }
      }
      rawCount++;
      if (emit) {
        featureCount++;
      }
    }
  }

  /** Smallest standard deviation a session-normalised input is divided by. */
  static final double MIN_SESSION_STD = 1e-6;

  private void store(int input, int slot, double value) {
    if (!frontEnd.sessionNormalised()) {
      ring[input][slot] = (float) value;
      return;
    }
    sum[input] += value;
    sumSquares[input] += value * value;
    double n = featureCount + 1;
    double mean = sum[input] / n;
    double std = Math.sqrt(Math.max(sumSquares[input] / n - mean * mean, 0));
    ring[input][slot] = (float) ((value - mean) / Math.max(std, MIN_SESSION_STD));
  }

  /** Biosignal-clock time of the raw sample that will be pushed next. */
  public double nextSampleSeconds() {
    return startSeconds + rawCount / frontEnd.samplingRateHz();
  }

  /**
   * Copies into {@code out[input][sample]} the window of features ending at the last feature at or before
   * {@code biosignalSeconds}.
   *
   * @return false if that window is not (or no longer) wholly available: before the stream has enough history,
   *     after the samples pushed so far, or beyond the kept history
   */
  public boolean window(double biosignalSeconds, float[][] out) {
    long last = (long) Math.floor(((biosignalSeconds - startSeconds) * frontEnd.samplingRateHz() + 1e-6 + 1)
        / decimation) - 1;
    long first = last - window + 1;
    if (first < 0 || last >= featureCount || first < featureCount - ring[0].length) {
      return false;
    }
    int capacity = ring[0].length;
    for (int input = 0; input < ring.length; input++) {
      for (int s = 0; s < window; s++) {
        out[input][s] = ring[input][(int) ((first + s) % capacity)];
      }
    }
    return true;
  }
}
