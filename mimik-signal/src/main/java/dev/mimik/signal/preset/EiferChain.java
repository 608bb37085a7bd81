package dev.mimik.signal.preset;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Columns;
import dev.mimik.core.data.Signal;
import dev.mimik.signal.WindowAlignment;
import dev.mimik.signal.artefact.Artefact;
import dev.mimik.signal.band.Band;
import dev.mimik.signal.eog.SaccadeIntegral;
import dev.mimik.signal.envelope.SlidingRms;
import dev.mimik.signal.filter.Fir;
import dev.mimik.signal.filter.Notch;
import dev.mimik.signal.filter.Sos;
import dev.mimik.signal.filter.ZeroPhaseFirFilter;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;
import dev.mimik.signal.resample.PolyphaseResampler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * The sEMG chain of the EIFER dataset, from raw facial EMG to one activation row per video frame: mean removed;
 * IIR notch (50 Hz, Q 2) zero-phase; FIR band-pass (10-500 Hz, 129 taps, Hamming) zero-phase; sliding RMS
 * (2048 samples, centred, truncated at the ends); polyphase resampling to the frame rate.
 *
 * <p>Offline only (zero-phase). Each channel is processed independently.
 *
 * <p>{@link #eogBand} is mimik's extension, not EIFER's: the slow part of the same leads (gaze and blinks, which the
 * 10 Hz high-pass removes), as BioFace-3D's earpiece uses its EOG band, and {@link #saccadeIntegral} the gaze read
 * from that band through baseline wander. {@link #apply} stays the paper's chain.
 *
 * @param notchHz mains frequency
 * @param notchQ quality factor of the notch
 * @param lowHz lower edge of the FIR band-pass
 * @param highHz upper edge of the FIR band-pass
 * @param taps FIR length (odd)
 * @param rmsSamples sliding RMS window in samples
 * @param outputRate output rate in Hz (the video frame rate); input and output rates must be whole numbers
 */
public record EiferChain(double notchHz, double notchQ, double lowHz, double highHz, int taps, int rmsSamples,
    double outputRate) {

  /** EIFER's documented settings, 30 frames per second. */
  public static EiferChain standard() {
    return new EiferChain(50, 2, 10, 500, 129, 2048, 30);
  }

  /**
   * EIFER's settings with a 513-tap FIR (0.125 s at 4096 Hz) instead of 129: the documented 129-tap Hamming
   * band-pass has a transition about 100 Hz wide, so its "10 Hz" edge does not exist and it passes 0-5 Hz at
   * -3.5 dB, baseline wander and motion artefacts included; 513 taps put 0.3 Hz at -23.5 dB and 2 Hz at -21 dB with
   * the 10 Hz edge at -6 dB (scipy {@code firwin}, same design). The shortest power-of-two-plus-one length that
   * does so: the one the mimik commands use unless told otherwise.
   */
  public static EiferChain sound() {
    return standard().withTaps(513);
  }

  /** This chain with a {@code taps}-tap FIR. */
  public EiferChain withTaps(int taps) {
    return new EiferChain(notchHz, notchQ, lowHz, highHz, taps, rmsSamples, outputRate);
  }

  /** Processes one channel's samples at rate {@code fs}; returns the activation at {@code outputRate}. */
  public double[] apply(double[] raw, double fs) {
    return applyPart(raw, fs, mean(raw));
  }

  /**
   * {@link #apply(double[], double)} on part of a recording too long to hold: {@code part} holds samples of one
   * channel from a sample index {@code start} that is a multiple of {@link #alignment}, {@code mean} the whole
   * channel's mean. Its frames are the whole recording's from frame {@code start / alignment * frameAlignment} on;
   * those within {@link #envelopeMargin} samples of an end of {@code part} that is not an end of the recording are
   * not (the filters' support and the notch's ringing reach past the cut), the others agree with them to rounding.
   */
  public double[] applyPart(double[] part, double fs, double mean) {
    double[] x = minus(part, mean);
    Sos notch = Notch.at(notchHz, notchQ, fs);
    x = ZeroPhaseSosFilter.filter(notch, x);
    x = ZeroPhaseFirFilter.filter(Fir.bandPass(taps, lowHz, highHz, fs), x);
    x = SlidingRms.of(x, rmsSamples, WindowAlignment.CENTRED);
    return PolyphaseResampler.between(fs, outputRate).resample(x);
  }

  /**
   * The EOG band of one channel's samples at rate {@code fs}, at {@code outputRate}: mean removed, {@link Band#eog()}
   * (0.1-10 Hz Butterworth band-pass) zero-phase, polyphase resampling. Signed, in the input's unit.
   */
  public double[] eogBand(double[] raw, double fs) {
    return eogBand(raw, fs, outputRate);
  }

  private static double[] eogBand(double[] raw, double fs, double rate) {
    return eogBandPart(raw, fs, mean(raw), rate);
  }

  /**
   * The EOG band at {@code rate} of part of a recording, as {@link #applyPart} gives the envelopes: {@code part}
   * from a sample index that is a multiple of {@code alignment(fs, rate)}, {@code mean} the whole channel's; the
   * frames within {@link #eogMargin} samples of a cut end are not the whole recording's.
   */
  public static double[] eogBandPart(double[] part, double fs, double mean, double rate) {
    double[] x = ZeroPhaseSosFilter.filter(Band.eog().design(fs), minus(part, mean));
    return PolyphaseResampler.between(fs, rate).resample(x);
  }

  /** The input samples per {@link #frameAlignment} output frames: where a part may start. */
  public int alignment(double fs) {
    return alignment(fs, outputRate);
  }

  /** The output frames per {@link #alignment} input samples. */
  public int frameAlignment(double fs) {
    return PolyphaseResampler.between(fs, outputRate).up();
  }

  /** The input samples per output sample block between {@code fs} and {@code rate}: where a part may start. */
  public static int alignment(double fs, double rate) {
    return PolyphaseResampler.between(fs, rate).down();
  }

  /**
   * Samples on each side of a part of a recording that {@link #applyPart} spoils: the FIR's, the centred RMS's and
   * the resampler's half supports (under half a second at 4096 Hz), and the zero-phase notch's ringing from the cut
   * (its poles at radius 1 - pi * bandwidth / fs fall by 1e-16 in under half a second at 50 Hz, Q 2): 4 s.
   */
  public int envelopeMargin(double fs) {
    return (int) Math.round(4 * fs);
  }

  /**
   * Samples on each side of a part that {@link #eogBandPart} spoils: the 0.1 Hz edge of the 4th-order Butterworth
   * rings for tens of seconds (its slowest pole's time constant is about 4 s), so 120 s.
   */
  public static int eogMargin(double fs) {
    return (int) Math.round(120 * fs);
  }

  /** {@link #eogBand(double[], double)} of every channel; same channel names and start, at {@code outputRate}. */
  public Signal eogBand(Signal raw) {
    List<Channel> out = new ArrayList<>();
    for (Channel c : raw.channels()) {
      out.add(new Channel(c.name(), c.unit(), outputRate, eogBand(c.samples(), c.samplingRate())));
    }
    return raw.withChannels(out);
  }

  /**
   * The {@link SaccadeIntegral#standard() saccade integral} of every channel's EOG band (gaze through baseline
   * wander), at {@code outputRate}: the band at {@link SaccadeIntegral#RATE}, integrated over the saccades all
   * channels show together, resampled to the frames. Same channel names and start; the channels must share one
   * rate.
   */
  public Signal saccadeIntegral(Signal raw) {
    double[][] bands = new double[raw.channelCount()][];
    for (int c = 0; c < bands.length; c++) {
      bands[c] = eogBand(raw.channel(c).samples(), raw.samplingRate(), SaccadeIntegral.RATE);
    }
    return saccadeIntegral(bands, raw);
  }

  /**
   * {@link #saccadeIntegral(Signal)} from the channels' EOG bands at {@link SaccadeIntegral#RATE} ({@code
   * [channel][sample]}, as {@link EiferSegments} gives them); channel names, units and start are {@code like}'s.
   */
  public Signal saccadeIntegral(double[][] bands, Signal like) {
    Channel[] out = new Channel[bands.length];
    saccadeIntegral(Columns.of(bands), (frames, c) -> {
      Channel ch = like.channel(c);
      out[c] = new Channel(ch.name(), ch.unit(), outputRate, frames);
    });
    return like.withChannels(List.of(out));
  }

  /**
   * {@link #saccadeIntegral(double[][], Signal)} lead by lead ({@link SaccadeIntegral#apply(Columns, double,
   * ObjIntConsumer)}): {@code out} takes each lead's frames with its index, in order.
   */
  public void saccadeIntegral(Columns bands, ObjIntConsumer<double[]> out) {
    PolyphaseResampler toFrames = PolyphaseResampler.between(SaccadeIntegral.RATE, outputRate);
    SaccadeIntegral.standard().apply(bands, SaccadeIntegral.RATE, (steps, c) -> out.accept(toFrames.resample(steps),
        c));
  }

  private static double mean(double[] raw) {
    double mean = 0;
    for (double v : raw) {
      mean += v;
    }
    return mean / raw.length;
  }

  private static double[] minus(double[] raw, double mean) {
    double[] x = new double[raw.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = raw[i] - mean;
    }
    return x;
  }

  /**
   * Which of {@code frames} output frames of a channel sampled at {@code fs} Hz stay clear of {@code artefacts}: a
   * frame is clean when no artefact overlaps the raw samples its value depends on (the RMS window and the FIR's
   * support around the frame's time).
   */
  public boolean[] cleanFrames(List<Artefact> artefacts, double fs, int frames) {
    double reach = (rmsSamples / 2.0 + taps / 2.0) / fs;
    boolean[] clean = new boolean[frames];
    for (int f = 0; f < frames; f++) {
      double t = f / outputRate;
      clean[f] = artefacts.stream().noneMatch(a -> a.overlaps(t - reach, t + reach));
    }
    return clean;
  }

  /**
   * {@link #cleanFrames} of every channel, {@code [frame][channel]}, for the artefacts found on each channel
   * ({@code perChannel}, in channel order).
   */
  public boolean[][] cleanRows(List<List<Artefact>> perChannel, double fs, int frames) {
    boolean[][] ok = new boolean[frames][perChannel.size()];
    for (int c = 0; c < perChannel.size(); c++) {
      boolean[] col = cleanFrames(perChannel.get(c), fs, frames);
      for (int f = 0; f < frames; f++) {
        ok[f][c] = col[f];
      }
    }
    return ok;
  }

  /** Processes every channel of a signal; the result has the same channel names and start at {@code outputRate}. */
  public Signal apply(Signal raw) {
    List<Channel> out = new ArrayList<>();
    for (Channel c : raw.channels()) {
      out.add(new Channel(c.name(), c.unit(), outputRate, apply(c.samples(), c.samplingRate())));
    }
    return raw.withChannels(out);
  }
}
