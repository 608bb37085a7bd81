package dev.mimik.signal.preset;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Columns;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalStream;
import dev.mimik.core.io.TempColumns;
import dev.mimik.signal.artefact.Artefact;
import dev.mimik.signal.artefact.PopDetector;
import dev.mimik.signal.eog.SaccadeIntegral;
import dev.mimik.signal.resample.PolyphaseResampler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link EiferChain} on a recording read block by block, for recordings too long to hold: a first pass over the file
 * takes each channel's mean (and refuses a value that is not a number) and the electrode-pop threshold, a second
 * runs the chain and {@link PopDetector#standard()} on segments of
 * {@link #CORE_SECONDS} with {@link EiferChain#envelopeMargin} samples of overlap on each side
 * ({@link EiferChain#eogMargin} with the EOG band), keeping of each segment the frames of its core; the channels go
 * in groups, the file read once per group, so that a segment of a group's channels stays small. The results go to
 * temporary files ({@link TempColumns}, one column per channel of the recording), so that what it holds is a
 * segment, whatever the recording's length; closing deletes them.
 *
 * @param channels the recording's channels (names and units; their samples are not read)
 * @param startTimeSeconds the recording's start
 * @param envelopes {@link EiferChain#apply(Signal)} of the recording, at {@link EiferChain#outputRate}
 * @param eogBand {@link EiferChain#eogBand(Signal)}, or null when not asked for
 * @param saccadeBands the EOG band of each channel at {@link SaccadeIntegral#RATE}, the input of
 *     {@link EiferChain#saccadeIntegral(Columns, java.util.function.ObjIntConsumer)}, or null when not asked for
 * @param pops per channel, {@link PopDetector#detect} of its samples in uV, or null when not asked for
 */
public record EiferSegments(List<Channel> channels, double startTimeSeconds, TempColumns envelopes,
    TempColumns eogBand, TempColumns saccadeBands, List<List<Artefact>> pops) implements AutoCloseable {

  /** Deletes the temporary files. */
  @Override
  public void close() {
    for (TempColumns t : new TempColumns[] {envelopes, eogBand, saccadeBands}) {
      if (t != null) {
        t.close();
      }
    }
  }

  /** Length of a segment's core, seconds (rounded up to the chain's alignment). */
  public static final double CORE_SECONDS = 60;

  /** Opens the recording afresh (it is read twice). */
  @FunctionalInterface
  public interface Opener {
    SignalStream open() throws IOException;
  }

  /**
   * Runs {@code chain} on the recording {@code opener} opens; {@code eog} adds the EOG band and {@code saccades} the
   * bands the saccade integral needs; {@code popScales} (microvolts per unit of each channel, NaN for a channel not
   * searched; null for none) the electrode pops. The channels must share one rate.
   */
  public static EiferSegments run(EiferChain chain, Opener opener, boolean eog, boolean saccades, double[] popScales)
      throws IOException {
    return run(chain, opener, eog, saccades, popScales, GROUP_BYTES);
  }

  /** {@link #run} with channel groups whose segments hold about {@code groupBytes}. */
  static EiferSegments run(EiferChain chain, Opener opener, boolean eog, boolean saccades, double[] popScales,
      double groupBytes) throws IOException {
    double[] means;
    double fs;
    PopDetector.Steps[] steps;
    List<Channel> channels;
    double start;
    double[] thresholds = null;
    try (SignalStream s = opener.open(); TempColumns store = new TempColumns(popScales == null ? 0
        : s.channels().size())) {
      fs = uniformRate(s);
      channels = s.channels();
      start = s.startTimeSeconds();
      steps = new PopDetector.Steps[s.channels().size()];
      for (int c = 0; popScales != null && c < steps.length; c++) {
        steps[c] = Double.isNaN(popScales[c]) ? null : PopDetector.standard().new Steps(fs, store, c);
      }
      means = means(s, steps, popScales);
      if (popScales != null) {
        thresholds = new double[steps.length];
        for (int c = 0; c < steps.length; c++) {
          thresholds[c] = steps[c] == null ? Double.POSITIVE_INFINITY : steps[c].threshold();
        }
      }
    }
    // the channels in groups, one pass over the file each, so that a group's segments stay near GROUP_BYTES
    double segment = (CORE_SECONDS + 2 * (eog || saccades ? EiferChain.eogMargin(fs) : 10 * fs) / fs) * fs * 8;
    int group = Math.max(1, (int) (groupBytes / segment));
    EiferSegments out = new EiferSegments(channels, start, new TempColumns(means.length),
        eog ? new TempColumns(means.length) : null, saccades ? new TempColumns(means.length) : null,
        popScales == null ? null : new ArrayList<>());
    try {
      for (int from = 0; from < means.length; from += group) {
        int to = Math.min(means.length, from + group);
        try (SignalStream s = picked(opener.open(), from, to)) {
          List<List<Artefact>> pops = new Segmenter(chain, fs, Arrays.copyOfRange(means, from, to), out, from,
              popScales == null ? null : Arrays.copyOfRange(popScales, from, to),
              thresholds == null ? null : Arrays.copyOfRange(thresholds, from, to), s).run();
          if (pops != null) {
            out.pops().addAll(pops);
          }
        }
      }
      out.envelopes().length(); // every column filled to one length
      return out;
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** What a group's segments may hold, about: the samples of its channels over a core and its two margins. */
  private static final double GROUP_BYTES = 64e6;

  /** Channels {@code [from, to)} of {@code s}. */
  private static SignalStream picked(SignalStream s, int from, int to) {
    return new SignalStream() {
      @Override
      public java.nio.file.Path file() {
        return s.file();
      }

      @Override
      public List<Channel> channels() {
        return s.channels().subList(from, to);
      }

      @Override
      public double startTimeSeconds() {
        return s.startTimeSeconds();
      }

      @Override
      public java.util.Optional<java.time.LocalDateTime> startDateTime() {
        return s.startDateTime();
      }

      @Override
      public double[][] next() throws IOException {
        double[][] block = s.next();
        return block == null ? null : Arrays.copyOfRange(block, from, to);
      }

      @Override
      public List<dev.mimik.core.data.Annotation> annotations() {
        return s.annotations();
      }

      @Override
      public void close() throws IOException {
        s.close();
      }
    };
  }

  private static double uniformRate(SignalStream s) {
    double fs = s.channels().get(0).samplingRate();
    if (s.channels().stream().anyMatch(c -> c.samplingRate() != fs)) {
      throw new BadInputException(s.file(), "channels have different sampling rates");
    }
    return fs;
  }

  private static double[] means(SignalStream s, PopDetector.Steps[] steps, double[] scales) throws IOException {
    List<Channel> channels = s.channels();
    double[] sum = new double[channels.size()];
    long n = 0;
    for (double[][] block = s.next(); block != null; block = s.next()) {
      for (int c = 0; c < block.length; c++) {
        for (double v : block[c]) {
          if (!Double.isFinite(v)) {
            throw new BadInputException(s.file(), "channel " + channels.get(c).name()
                + " has a value that is not a number");
          }
          sum[c] += v;
          if (steps[c] != null) {
            steps[c].add(v * scales[c]);
          }
        }
      }
      n += block[0].length;
    }
    if (n == 0) {
      throw new BadInputException(s.file(), "holds no samples");
    }
    for (int c = 0; c < sum.length; c++) {
      sum[c] /= n;
    }
    return sum;
  }

  /** The second pass: a buffer of samples from {@code bufferStart} on, cut into cores with their margins. */
  private static final class Segmenter {
    private final EiferChain chain;
    private final double fs;
    private final double[] means;
    private final SignalStream stream;
    private final double[] popScales;
    private final double[] thresholds;
    private final double[] prefix;
    private final List<List<Artefact>> pops;
    private final int align;
    private final int core;
    private final int margin;
    private final double[][] buffer;
    private long bufferStart;
    private int buffered;
    private final Series envelopes;
    private final Series band;
    private final Series bands;

    /** Channels {@code [offset, offset + means.length)} of {@code out}, from {@code stream}. */
    Segmenter(EiferChain chain, double fs, double[] means, EiferSegments out, int offset, double[] popScales,
        double[] thresholds, SignalStream stream) {
      this.chain = chain;
      this.fs = fs;
      this.means = means;
      this.stream = stream;
      boolean saccades = out.saccadeBands() != null;
      this.popScales = popScales;
      this.thresholds = thresholds;
      this.prefix = new double[means.length];
      this.pops = new ArrayList<>();
      for (int c = 0; popScales != null && c < means.length; c++) {
        pops.add(new ArrayList<>());
      }
      int a = chain.alignment(fs);
      this.align = saccades ? lcm(a, EiferChain.alignment(fs, SaccadeIntegral.RATE)) : a;
      this.core = roundUp((int) Math.ceil(CORE_SECONDS * fs), align);
      this.margin = roundUp(out.eogBand() != null || saccades ? EiferChain.eogMargin(fs)
          : Math.max(chain.envelopeMargin(fs), popMargin(fs)), align);
      this.buffer = new double[means.length][core + 2 * margin];
      this.envelopes = new Series(out.envelopes(), offset, chain.outputRate());
      this.band = out.eogBand() == null ? null : new Series(out.eogBand(), offset, chain.outputRate());
      this.bands = saccades ? new Series(out.saccadeBands(), offset, SaccadeIntegral.RATE) : null;
    }

    /** Fills the channels' columns; returns their pops (null when not asked for). */
    List<List<Artefact>> run() throws IOException {
      long s = 0; // the next core's first sample
      boolean ended = false;
      while (!ended || s < bufferStart + buffered) {
        if (!ended && bufferStart + buffered < s + core + margin) {
          double[][] block = stream.next();
          if (block == null) {
            ended = true;
          } else {
            append(block);
          }
          continue;
        }
        long end = bufferStart + buffered;
        boolean last = ended && s + core >= end;
        process(s, last);
        if (last) {
          break;
        }
        s += core;
        long keepFrom = Math.max(0, s - margin);
        int drop = (int) (keepFrom - bufferStart);
        if (drop > 0) {
          for (int c = 0; popScales != null && c < buffer.length; c++) {
            for (int k = 0; k < drop; k++) {
              prefix[c] += buffer[c][k] * popScales[c];
            }
          }
          for (double[] b : buffer) {
            System.arraycopy(b, drop, b, 0, buffered - drop);
          }
          buffered -= drop;
          bufferStart = keepFrom;
        }
      }
      List<List<Artefact>> merged = null;
      if (popScales != null) {
        merged = new ArrayList<>();
        for (List<Artefact> p : pops) {
          merged.add(PopDetector.merge(p));
        }
      }
      return merged;
    }

    private void append(double[][] block) {
      int n = block[0].length;
      if (buffered + n > buffer[0].length) {
        for (int c = 0; c < buffer.length; c++) {
          buffer[c] = Arrays.copyOf(buffer[c], buffered + n); // a block past a full segment, once
        }
      }
      for (int c = 0; c < block.length; c++) {
        System.arraycopy(block[c], 0, buffer[c], buffered, n);
      }
      buffered += n;
    }

    /** The frames of core {@code [s, s + core)} (to the end when {@code last}) from the buffer. */
    private void process(long s, boolean last) {
      long from = Math.max(bufferStart, s - margin);
      int to = (int) Math.min(buffered, s + core + margin - bufferStart);
      int lo = (int) (from - bufferStart);
      for (int c = 0; c < buffer.length; c++) {
        double[] part = Arrays.copyOfRange(buffer[c], lo, to);
        envelopes.keep(c, chain.applyPart(part, fs, means[c]), from, s, last);
        if (band != null) {
          band.keep(c, EiferChain.eogBandPart(part, fs, means[c], chain.outputRate()), from, s, last);
        }
        if (bands != null) {
          bands.keep(c, EiferChain.eogBandPart(part, fs, means[c], SaccadeIntegral.RATE), from, s, last);
        }
        if (popScales != null && !Double.isNaN(popScales[c])) {
          double[] sum = new double[part.length + 1];
          sum[0] = prefix[c];
          for (int i = 0; i < part.length; i++) {
            sum[i + 1] = sum[i] + part[i] * popScales[c];
          }
          pops.get(c).addAll(PopDetector.standard().detectIn(sum, from, s, last ? from + part.length : s + core,
              thresholds[c], fs));
        }
      }
    }

    /** Output per channel at {@code rate}, appended core by core to columns from {@code offset} on. */
    private final class Series {
      private final TempColumns columns;
      private final int offset;
      private final PolyphaseResampler resampler;

      Series(TempColumns columns, int offset, double rate) {
        this.columns = columns;
        this.offset = offset;
        this.resampler = PolyphaseResampler.between(fs, rate);
      }

      /** Keeps of {@code part}'s output (from input sample {@code from}) the frames of the core from {@code s}. */
      void keep(int c, double[] part, long from, long s, boolean last) {
        long at = from / resampler.down() * resampler.up();
        long first = s / resampler.down() * resampler.up();
        long end = last ? at + part.length : (s + core) / resampler.down() * resampler.up();
        columns.append(offset + c, part, (int) (first - at), (int) (end - at));
      }
    }
  }

  /**
   * Samples on each side of a segment that the pop detector needs: a pop's step, edge test and decay reach a few
   * seconds from its onset (decays of up to 2 s followed down to the floor), so 10 s.
   */
  private static int popMargin(double fs) {
    return (int) Math.round(10 * fs);
  }

  private static int roundUp(int n, int step) {
    return (n + step - 1) / step * step;
  }

  private static int lcm(int a, int b) {
    int x = a;
    int y = b;
    while (y != 0) {
      int t = x % y;
      x = y;
      y = t;
    }
    return a / x * b;
  }
}
