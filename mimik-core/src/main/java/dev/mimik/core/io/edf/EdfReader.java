package dev.mimik.core.io.edf;

import dev.mimik.core.data.Annotation;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads EDF, EDF+ (continuous and discontinuous), BDF and BDF+ files into physical values.
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
    try (FileChannel channel = open(file)) {
      return EdfHeader.read(file, channel);
    }
  }

  @Override
  public Signal read(Path file) throws IOException {
    try (FileChannel channel = open(file)) {
      EdfHeader header = EdfHeader.read(file, channel);
      return new Records(file, header).read(channel);
    }
  }

  private static FileChannel open(Path file) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, "no such file", e);
    }
  }

  /** The data records of one file, decoded record by record. */
  private static final class Records {
    private final Path file;
    private final EdfHeader header;
    private final List<EdfHeader.SignalHeader> signals;
    private final int[] offsets;
    private final double[][] samples;
    private final BigDecimal[] onsets;
    private final List<Tal> tals = new ArrayList<>();

    Records(Path file, EdfHeader header) {
      this.file = file;
      this.header = header;
      this.signals = header.signals();
      int n = signals.size();
      offsets = new int[n];
      int offset = 0;
      long recorded = 0;
      for (int i = 0; i < n; i++) {
        offsets[i] = offset;
        offset += signals.get(i).samplesPerRecord() * header.variant().bytesPerSample();
        if (!signals.get(i).isAnnotation()) {
          recorded += (long) signals.get(i).samplesPerRecord() * header.recordCount();
        }
      }
      checkMemory(recorded);
      samples = new double[n][];
      for (int i = 0; i < n; i++) {
        if (!signals.get(i).isAnnotation()) {
          samples[i] = new double[signals.get(i).samplesPerRecord() * header.recordCount()];
        }
      }
      onsets = new BigDecimal[header.recordCount()];
    }

    Signal read(FileChannel channel) throws IOException {
      if (header.recordBytes() > Integer.MAX_VALUE - 8) {
        throw new BadInputException(file, "a data record of " + header.recordBytes() + " bytes is too large");
      }
      int recordBytes = (int) header.recordBytes();
      long position = header.headerBytes();
      for (int r = 0; r < header.recordCount(); r++) {
        byte[] record = EdfHeader.readFully(file, channel, position, recordBytes, "data record " + (r + 1));
        position += recordBytes;
        decode(record, r);
      }
      return header.discontinuous() ? withGaps() : continuous();
    }

    private void decode(byte[] record, int r) {
      boolean firstAnnotationSignal = true;
      int bps = header.variant().bytesPerSample();
      for (int i = 0; i < signals.size(); i++) {
        EdfHeader.SignalHeader s = signals.get(i);
        int from = offsets[i];
        if (s.isAnnotation()) {
          List<Tal> recordTals = Tal.decode(file, record, from, from + s.samplesPerRecord() * bps, r);
          if (firstAnnotationSignal && !recordTals.isEmpty() && recordTals.get(0).isTimeKeeping()) {
            onsets[r] = recordTals.get(0).onset();
          }
          firstAnnotationSignal = false;
          tals.addAll(recordTals);
          continue;
        }
        double[] out = samples[i];
        int at = r * s.samplesPerRecord();
        for (int j = 0; j < s.samplesPerRecord(); j++, from += bps) {
          int digital = bps == 2
              ? (short) ((record[from] & 0xFF) | (record[from + 1] << 8))
              : (record[from] & 0xFF) | ((record[from + 1] & 0xFF) << 8) | (record[from + 2] << 16);
          out[at + j] = s.physical(digital);
        }
      }
    }

    /** A continuous file: records follow each other; the first record's onset is the start time. */
    private Signal continuous() {
      double start = onsets.length > 0 && onsets[0] != null ? onsets[0].doubleValue() : 0;
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < signals.size(); i++) {
        if (samples[i] != null) {
          channels.add(channel(i, samples[i]));
        }
      }
      return new Signal(channels, start, header.startDateTime(), annotations(onsets.length > 0 ? onsets[0] : null,
          List.of()));
    }

    /** A discontinuous file: each record is placed at its onset, gaps become zeros and annotations. */
    private Signal withGaps() {
      if (onsets.length == 0) {
        return continuous();
      }
      for (int r = 0; r < onsets.length; r++) {
        if (onsets[r] == null) {
          throw new BadInputException(file, "data record " + (r + 1) + " of a discontinuous file has no time-keeping"
              + " annotation");
        }
      }
      double duration = header.recordDuration();
      BigDecimal first = onsets[0];
      double[] startOf = new double[onsets.length];
      List<Annotation> gaps = new ArrayList<>();
      double end = duration;
      for (int r = 1; r < onsets.length; r++) {
        double at = onsets[r].subtract(first).doubleValue();
        if (at < end - GAP_TOLERANCE) {
          throw new BadInputException(file, "data record " + (r + 1) + " starts at " + onsets[r] + " s, before the"
              + " previous record ends at " + first.add(BigDecimal.valueOf(end)) + " s");
        }
        if (at > end + GAP_TOLERANCE) {
          gaps.add(new Annotation(end, at - end, GAP_ANNOTATION));
        }
        startOf[r] = at;
        end = at + duration;
      }
      long total = 0;
      for (int i = 0; i < signals.size(); i++) {
        if (samples[i] != null) {
          total += samplesAt(end, i);
        }
      }
      checkMemory(total);
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < signals.size(); i++) {
        if (samples[i] == null) {
          continue;
        }
        int spr = signals.get(i).samplesPerRecord();
        double[] placed = new double[(int) samplesAt(end, i)];
        for (int r = 0; r < onsets.length; r++) {
          long at = Math.min(Math.round(startOf[r] / duration * spr), placed.length - spr);
          System.arraycopy(samples[i], r * spr, placed, (int) at, spr);
        }
        channels.add(channel(i, placed));
      }
      return new Signal(channels, first.doubleValue(), header.startDateTime(), annotations(first, gaps));
    }

    /** Samples of signal {@code i} from the first record's start to {@code seconds} after it. */
    private long samplesAt(double seconds, int i) {
      double count = Math.rint(seconds / header.recordDuration() * signals.get(i).samplesPerRecord());
      if (count > Integer.MAX_VALUE - 8) {
        throw new BadInputException(file, "the records span " + seconds + " s, too long to hold signal "
            + signals.get(i).label() + " in memory");
      }
      return (long) count;
    }

    private void checkMemory(long doubles) {
      Runtime rt = Runtime.getRuntime();
      long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
      if (doubles > (free / Double.BYTES) * 3 / 4) {
        throw new BadInputException(file, "holding " + doubles + " samples needs " + (doubles * 8 >> 20)
            + " MiB, more than the Java heap has free (" + (free >> 20)
            + " MiB; raise -Xmx, with the mimik launcher e.g. MIMIK_JAVA_OPTS=-Xmx8g)");
      }
    }

    private Channel channel(int i, double[] values) {
      EdfHeader.SignalHeader s = signals.get(i);
      return new Channel(s.label(), s.unit(), s.samplesPerRecord() / header.recordDuration(), values);
    }

    /** Every non-empty TAL text as an annotation, onsets relative to the first record, plus the gaps. */
    private List<Annotation> annotations(BigDecimal first, List<Annotation> gaps) {
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
      out.sort(java.util.Comparator.comparingDouble(Annotation::onsetSeconds));
      return out;
    }
  }
}
