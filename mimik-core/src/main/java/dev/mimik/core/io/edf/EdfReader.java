package dev.mimik.core.io.edf;

import dev.mimik.core.data.Annotation;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalReader;
import dev.mimik.core.io.SignalStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads EDF, EDF+ (continuous and discontinuous), BDF and BDF+ files into physical values, whole or data record by
 * data record ({@link #open}).
 *
 * <p>Each sampled signal becomes a {@link Channel} at its own rate (samples per record / record duration), in its
 * physical unit, scaled through its digital and physical minimum and maximum. The TALs of annotation signals
 * become {@link Annotation}s with onsets relative to the first sample; the first record's start becomes the
 * signal's {@code startTimeSeconds}. In EDF+D / BDF+D files the gaps between records are filled with zeros and
 * marked by a {@value #GAP_ANNOTATION} annotation covering each gap.
 */
public final class EdfReader implements SignalReader {

  /** The text of the annotation that marks a gap between the records of a discontinuous file. */
  public static final String GAP_ANNOTATION = "BAD_ACQ_SKIP";

  /** Gaps shorter than this (seconds) are rounding in the record onsets, not gaps (EDF+ onsets have 100 ns). */
  private static final double GAP_TOLERANCE = 1e-7;
  /** Seconds of data records read into one block of a stream. */
  private static final double BLOCK_SECONDS = 1;

  @Override
  public String formatName() {
    return "EDF/BDF";
  }

  @Override
  public boolean recognises(Path file, byte[] head) {
    return EdfHeader.hasVersion(head);
  }

  /**
   * Reads the header only: signals, ranges, record layout, start.
   *
   * @throws BadInputException if the header is invalid or disagrees with the file size
   */
  public EdfHeader readHeader(Path file) throws IOException {
    try (FileChannel channel = openChannel(file)) {
      return EdfHeader.read(file, channel);
    }
  }

  @Override
  public Signal read(Path file) throws IOException {
    try (Records records = new Records(file)) {
      records.checkMemory(records.samplesAtLeast());
      return records.readAll();
    }
  }

  @Override
  public SignalStream open(Path file) throws IOException {
    return new Records(file);
  }

  private static FileChannel openChannel(Path file) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, "no such file", e);
    }
  }

  /** The data records of one file, decoded record by record into blocks of about {@link #BLOCK_SECONDS}. */
  private static final class Records implements SignalStream {
    private final Path file;
    private final FileChannel channel;
    private final EdfHeader header;
    private final List<EdfHeader.SignalHeader> signals;
    /** Indices of the sampled (not annotation) signals, in file order. */
    private final int[] sampled;
    private final int[] offsets;
    private final int recordBytes;
    private final int recordsPerBlock;
    private final List<Tal> tals = new ArrayList<>();
    private final List<Annotation> gaps = new ArrayList<>();
    /** Samples of each sampled signal handed out so far, gaps included. */
    private final long[] emitted;
    private BigDecimal first;
    private byte[] firstRecord;
    private int nextRecord;
    private double end;

    Records(Path file) throws IOException {
      this.file = file;
      this.channel = openChannel(file);
      try {
        this.header = EdfHeader.read(file, channel);
        if (header.recordBytes() > Integer.MAX_VALUE - 8) {
          throw new BadInputException(file, "a data record of " + header.recordBytes() + " bytes is too large");
        }
        this.signals = header.signals();
        this.recordBytes = (int) header.recordBytes();
        this.offsets = new int[signals.size()];
        int offset = 0;
        for (int i = 0; i < signals.size(); i++) {
          offsets[i] = offset;
          offset += signals.get(i).samplesPerRecord() * header.variant().bytesPerSample();
        }
        this.sampled = java.util.stream.IntStream.range(0, signals.size())
            .filter(i -> !signals.get(i).isAnnotation()).toArray();
        this.emitted = new long[sampled.length];
        this.recordsPerBlock = Math.max(1, (int) Math.floor(BLOCK_SECONDS / header.recordDuration()));
        if (header.recordCount() > 0) {
          // the first record holds the start time
          firstRecord = record(0);
          first = onset(firstRecord, 0);
          if (header.discontinuous() && first == null) {
            throw noTimeKeeping(0);
          }
        }
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }

    @Override
    public Path file() {
      return file;
    }

    @Override
    public List<Channel> channels() {
      List<Channel> out = new ArrayList<>();
      for (int i : sampled) {
        EdfHeader.SignalHeader s = signals.get(i);
        out.add(new Channel(s.label(), s.unit(), s.samplesPerRecord() / header.recordDuration(), new double[0]));
      }
      return out;
    }

    @Override
    public double startTimeSeconds() {
      return first == null ? 0 : first.doubleValue();
    }

    @Override
    public Optional<LocalDateTime> startDateTime() {
      return header.startDateTime();
    }

    @Override
    public double durationSeconds() {
      return header.recordCount() * header.recordDuration();
    }

    /** Samples the file holds at least (without the gaps of a discontinuous file). */
    long samplesAtLeast() {
      long total = 0;
      for (int i : sampled) {
        total += (long) signals.get(i).samplesPerRecord() * header.recordCount();
      }
      return total;
    }

    @Override
    public double[][] next() throws IOException {
      if (nextRecord >= header.recordCount()) {
        return null;
      }
      int count = Math.min(recordsPerBlock, header.recordCount() - nextRecord);
      double[][] block = new double[sampled.length][];
      int[] filled = new int[sampled.length];
      for (int k = 0; k < sampled.length; k++) {
        block[k] = new double[count * signals.get(sampled[k]).samplesPerRecord()];
      }
      for (int n = 0; n < count; n++, nextRecord++) {
        int r = nextRecord;
        byte[] record = r == 0 ? firstRecord : record(r);
        firstRecord = null;
        BigDecimal onset = r == 0 ? first : onset(record, r);
        if (header.discontinuous()) {
          placeAfterGap(onset, r, block, filled);
        }
        decode(record, r, block, filled);
        end += header.recordDuration();
      }
      for (int k = 0; k < sampled.length; k++) {
        if (filled[k] < block[k].length) {
          block[k] = Arrays.copyOf(block[k], filled[k]);
        }
      }
      return block;
    }

    /** In a discontinuous file, the zeros of a gap before record {@code r} (and its annotation). */
    private void placeAfterGap(BigDecimal onset, int r, double[][] block, int[] filled) {
      if (onset == null) {
        throw noTimeKeeping(r);
      }
      double at = onset.subtract(first).doubleValue();
      if (at < end - GAP_TOLERANCE) {
        throw new BadInputException(file, "data record " + (r + 1) + " starts at " + onset + " s, before the"
            + " previous record ends at " + first.add(BigDecimal.valueOf(end)) + " s");
      }
      if (at > end + GAP_TOLERANCE) {
        gaps.add(new Annotation(end, at - end, GAP_ANNOTATION));
        for (int k = 0; k < sampled.length; k++) {
          int spr = signals.get(sampled[k]).samplesPerRecord();
          long placed = Math.max(emitted[k], Math.round(at / header.recordDuration() * spr));
          int zeros = Math.toIntExact(placed - emitted[k]);
          if (filled[k] + zeros > block[k].length) {
            block[k] = Arrays.copyOf(block[k], filled[k] + zeros + (block[k].length - filled[k]));
          }
          filled[k] += zeros;
          emitted[k] += zeros;
        }
      }
      end = at;
    }

    private void decode(byte[] record, int r, double[][] block, int[] filled) {
      int bps = header.variant().bytesPerSample();
      for (int k = 0; k < sampled.length; k++) {
        EdfHeader.SignalHeader s = signals.get(sampled[k]);
        int from = offsets[sampled[k]];
        double[] out = block[k];
        int at = filled[k];
        for (int j = 0; j < s.samplesPerRecord(); j++, from += bps) {
          int digital = bps == 2
              ? (short) ((record[from] & 0xFF) | (record[from + 1] << 8))
              : (record[from] & 0xFF) | ((record[from + 1] & 0xFF) << 8) | (record[from + 2] << 16);
          out[at + j] = s.physical(digital);
        }
        filled[k] += s.samplesPerRecord();
        emitted[k] += s.samplesPerRecord();
      }
    }

    private byte[] record(int r) throws IOException {
      return EdfHeader.readFully(file, channel, header.headerBytes() + (long) r * recordBytes, recordBytes,
          "data record " + (r + 1));
    }

    /** The record's time-keeping onset (first TAL of the first annotation signal), collecting its TALs. */
    private BigDecimal onset(byte[] record, int r) {
      BigDecimal onset = null;
      boolean firstAnnotationSignal = true;
      int bps = header.variant().bytesPerSample();
      for (int i = 0; i < signals.size(); i++) {
        EdfHeader.SignalHeader s = signals.get(i);
        if (!s.isAnnotation()) {
          continue;
        }
        List<Tal> recordTals = Tal.decode(file, record, offsets[i], offsets[i] + s.samplesPerRecord() * bps, r);
        if (firstAnnotationSignal && !recordTals.isEmpty() && recordTals.get(0).isTimeKeeping()) {
          onset = recordTals.get(0).onset();
        }
        firstAnnotationSignal = false;
        tals.addAll(recordTals);
      }
      return onset;
    }

    private BadInputException noTimeKeeping(int r) {
      return new BadInputException(file, "data record " + (r + 1) + " of a discontinuous file has no time-keeping"
          + " annotation");
    }

    /** Every non-empty TAL text as an annotation, onsets relative to the first record, plus the gaps. */
    @Override
    public List<Annotation> annotations() {
      BigDecimal origin = first == null ? BigDecimal.ZERO : first;
      List<Annotation> out = new ArrayList<>();
      for (Tal tal : tals) {
        double onset = tal.onset().subtract(origin).doubleValue();
        for (String text : tal.texts()) {
          if (!text.isEmpty()) {
            out.add(new Annotation(onset, tal.duration().doubleValue(), text));
          }
        }
      }
      out.addAll(gaps);
      out.sort(Comparator.comparingDouble(Annotation::onsetSeconds));
      return out;
    }

    void checkMemory(long doubles) {
      Runtime rt = Runtime.getRuntime();
      long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
      if (doubles > (free / Double.BYTES) * 3 / 4) {
        throw new BadInputException(file, "holding " + doubles + " samples needs " + (doubles * 8 >> 20)
            + " MiB, more than the Java heap has free (" + (free >> 20)
            + " MiB; raise -Xmx, with the mimik launcher e.g. MIMIK_JAVA_OPTS=-Xmx8g)");
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
