package dev.mimik.core.io.edf;

import dev.mimik.core.data.Annotation;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Signal} as EDF, EDF+, BDF or BDF+ (continuous), whole file or nothing.
 *
 * <p>Each channel gets the variant's full digital range and a physical range just enclosing its data (rounded
 * outward to what the 8-character header field can hold), so every sample reads back within half a quantisation
 * step and nothing is clipped. The record duration is the shortest whole number of seconds at which every rate
 * gives a whole number of samples, shortened further where that lets every channel end on a record boundary; a
 * channel that does not fill its last record is padded with zeros. EDF+/BDF+ files carry the annotations and the
 * start time in an annotation signal; plain EDF/BDF cannot, so signals with annotations or a non-zero start time
 * are refused for them. A missing start date is written as 01.01.85 00.00.00 (and "Startdate X" in EDF+).
 */
public final class EdfWriter implements SignalWriter {

  static final String UNKNOWN_DATE = "01.01.85";
  static final String UNKNOWN_TIME = "00.00.00";

  private static final int LONGEST_RECORD_SECONDS = 10_000;
  private static final int[] RECORD_DIVISORS = {1, 2, 4, 5, 8, 10, 20, 25, 50, 100};
  private static final double WHOLE_TOLERANCE = 1e-9;

  private final EdfVariant variant;

  /** A writer of EDF+, the default for mimik's recordings. */
  public EdfWriter() {
    this(EdfVariant.EDF_PLUS);
  }

  public EdfWriter(EdfVariant variant) {
    this.variant = variant;
  }

  public EdfVariant variant() {
    return variant;
  }

  @Override
  public String formatName() {
    return variant.formatName();
  }

  /**
   * Writes the signal.
   *
   * @throws BadInputException if the signal cannot be held by this variant (non-finite samples, labels or units
   *     too long or not ASCII, rates without a common record duration, annotations in plain EDF/BDF)
   */
  @Override
  public void write(Signal signal, Path file) throws IOException {
    Plan plan = new Plan(signal, file);
    AtomicFiles.write(file, plan::writeTo);
  }

  /** One channel's header values and quantisation. */
  private record Scale(String physicalMin, String physicalMax, double min, double max) {}

  /** Everything decided before writing: layout, ranges, annotation bytes per record. */
  private final class Plan {
    private final Signal signal;
    private final Path file;
    private final BigDecimal duration;
    private final int[] samplesPerRecord;
    private final Scale[] scales;
    private final int records;
    private final List<byte[]> annotationBytes = new ArrayList<>();
    private final int annotationSamples;

    Plan(Signal signal, Path file) {
      this.signal = signal;
      this.file = file;
      if (!variant.isPlus() && !signal.annotations().isEmpty()) {
        throw new BadInputException(file, "plain " + variant.formatName() + " cannot hold annotations; write "
            + variant.formatName() + "+");
      }
      if (!variant.isPlus() && signal.startTimeSeconds() != 0) {
        throw new BadInputException(file, "plain " + variant.formatName() + " cannot hold a start time of "
            + signal.startTimeSeconds() + " s; write " + variant.formatName() + "+");
      }
      if (signal.channelCount() + (variant.isPlus() ? 1 : 0) > 9999) {
        throw new BadInputException(file, "EDF holds at most 9999 signals, not " + signal.channelCount());
      }
      int n = signal.channelCount();
      scales = new Scale[n];
      for (int i = 0; i < n; i++) {
        Channel c = signal.channel(i);
        ascii(c.name(), 16, "channel name");
        ascii(unit(c.unit()), 8, "unit of channel " + c.name());
        scales[i] = scale(c);
      }
      duration = recordDuration();
      samplesPerRecord = new int[n];
      int recordCount = 0;
      for (int i = 0; i < n; i++) {
        Channel c = signal.channel(i);
        samplesPerRecord[i] = (int) Math.round(c.samplingRate() * duration.doubleValue());
        recordCount = Math.max(recordCount, (c.samples().length + samplesPerRecord[i] - 1) / samplesPerRecord[i]);
      }
      records = variant.isPlus() ? Math.max(recordCount, 1) : recordCount;
      if (records > 99_999_999) {
        throw new BadInputException(file, records + " data records of " + duration + " s do not fit the 8-digit"
            + " record count of an EDF header");
      }
      annotationSamples = variant.isPlus() ? planAnnotations() : 0;
    }

    /** The record duration: see the class comment. */
    private BigDecimal recordDuration() {
      List<Channel> channels = signal.channels();
      int seconds = 1;
      while (!wholeSamples(seconds)) {
        if (++seconds > LONGEST_RECORD_SECONDS) {
          throw new BadInputException(file, "the sampling rates " + channels.stream().map(c -> c.samplingRate())
              .distinct().toList() + " Hz give no record duration of at most " + LONGEST_RECORD_SECONDS
              + " s holding a whole number of samples of each");
        }
      }
      BigDecimal whole = BigDecimal.valueOf(seconds);
      for (int divisor : RECORD_DIVISORS) {
        BigDecimal d = whole.divide(BigDecimal.valueOf(divisor));
        if (fitsEvenly(d.doubleValue()) && d.toPlainString().length() <= 8) {
          return d;
        }
      }
      return whole;
    }

    /** Whether a record of this duration holds a whole number of samples of every channel. */
    private boolean wholeSamples(double d) {
      return signal.channels().stream().allMatch(c -> whole(c.samplingRate() * d));
    }

    /** Whether every channel has a whole number of samples per record and of records, the same for all. */
    private boolean fitsEvenly(double d) {
      long count = -1;
      for (Channel c : signal.channels()) {
        double perRecord = c.samplingRate() * d;
        if (!whole(perRecord) || Math.round(perRecord) == 0 || c.samples().length % Math.round(perRecord) != 0) {
          return false;
        }
        long recordsOfChannel = c.samples().length / Math.round(perRecord);
        if (count >= 0 && recordsOfChannel != count) {
          return false;
        }
        count = recordsOfChannel;
      }
      return true;
    }

    private static boolean whole(double x) {
      return x >= 0.5 && Math.abs(x - Math.rint(x)) <= WHOLE_TOLERANCE * x;
    }

    /** The TAL bytes of each record; returns the annotation signal's samples per record. */
    private int planAnnotations() {
      List<List<Tal>> perRecord = new ArrayList<>();
      BigDecimal start = BigDecimal.valueOf(signal.startTimeSeconds());
      for (int r = 0; r < records; r++) {
        List<Tal> tals = new ArrayList<>();
        tals.add(new Tal(start.add(duration.multiply(BigDecimal.valueOf(r))), BigDecimal.ZERO, List.of("")));
        perRecord.add(tals);
      }
      for (Annotation a : signal.annotations()) {
        if (!Tal.canHold(a.text())) {
          throw new BadInputException(file, "annotation '" + a.text() + "' contains a byte 0x00, 0x14 or 0x15,"
              + " which EDF+ annotations cannot hold");
        }
        if (!Double.isFinite(a.onsetSeconds()) || !(a.durationSeconds() >= 0) || a.durationSeconds() > 1e12) {
          throw new BadInputException(file, "annotation '" + a.text() + "' has onset " + a.onsetSeconds()
              + " s and duration " + a.durationSeconds() + " s, which EDF+ cannot hold");
        }
        double at = Math.floor(a.onsetSeconds() / duration.doubleValue());
        int r = (int) Math.max(0, Math.min(records - 1, at));
        perRecord.get(r).add(new Tal(start.add(BigDecimal.valueOf(a.onsetSeconds())),
            BigDecimal.valueOf(a.durationSeconds()), List.of(a.text())));
      }
      int longest = 0;
      for (List<Tal> tals : perRecord) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        tals.forEach(t -> bytes.writeBytes(t.encode()));
        annotationBytes.add(bytes.toByteArray());
        longest = Math.max(longest, bytes.size());
      }
      return (longest + variant.bytesPerSample() - 1) / variant.bytesPerSample();
    }

    /** The physical range of a channel: its data range rounded outward to 8 characters, never empty. */
    private Scale scale(Channel c) {
      double min = 0;
      double max = 0;
      double[] x = c.samples();
      for (int j = 0; j < x.length; j++) {
        if (!Double.isFinite(x[j])) {
          throw new BadInputException(file, "channel " + c.name() + " has a non-finite sample " + x[j] + " at index "
              + j + "; EDF holds finite numbers only");
        }
        min = j == 0 ? x[j] : Math.min(min, x[j]);
        max = j == 0 ? x[j] : Math.max(max, x[j]);
      }
      String lo = field(c, min, RoundingMode.FLOOR);
      String hi = field(c, max, RoundingMode.CEILING);
      if (lo.equals(hi)) {
        lo = field(c, min - 1, RoundingMode.FLOOR);
        hi = field(c, max + 1, RoundingMode.CEILING);
      }
      return new Scale(lo, hi, Double.parseDouble(lo), Double.parseDouble(hi));
    }

    /** The most precise text of at most 8 characters rounding {@code v} in the given direction. */
    private String field(Channel c, double v, RoundingMode mode) {
      BigDecimal exact = new BigDecimal(v);
      for (int scale = 7; scale >= 0; scale--) {
        BigDecimal rounded = exact.setScale(scale, mode);
        String text = rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
        if (text.length() <= 8) {
          return text;
        }
      }
      throw new BadInputException(file, "channel " + c.name() + " has the value " + v + " " + c.unit()
          + ", beyond the 8 digits an EDF header can hold");
    }

    private void ascii(String text, int width, String what) {
      if (text.length() > width || !text.chars().allMatch(ch -> ch >= 32 && ch < 127)) {
        throw new BadInputException(file, "the " + what + " '" + text + "' is not printable ASCII of at most "
            + width + " characters, as EDF requires");
      }
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(header());
      int bps = variant.bytesPerSample();
      int recordSamples = Arrays.stream(samplesPerRecord).sum() + annotationSamples;
      byte[] record = new byte[recordSamples * bps];
      int dMin = variant.digitalMin();
      int dMax = variant.digitalMax();
      for (int r = 0; r < records; r++) {
        int pos = 0;
        for (int i = 0; i < samplesPerRecord.length; i++) {
          double[] x = signal.channel(i).samples();
          Scale s = scales[i];
          double perStep = (dMax - (double) dMin) / (s.max() - s.min());
          for (int j = 0, at = r * samplesPerRecord[i]; j < samplesPerRecord[i]; j++, at++) {
            double value = at < x.length ? x[at] : 0;
            long digital = Math.round((value - s.min()) * perStep + dMin);
            int d = (int) Math.max(dMin, Math.min(dMax, digital));
            record[pos++] = (byte) d;
            record[pos++] = (byte) (d >> 8);
            if (bps == 3) {
              record[pos++] = (byte) (d >> 16);
            }
          }
        }
        if (variant.isPlus()) {
          byte[] tals = annotationBytes.get(r);
          System.arraycopy(tals, 0, record, pos, tals.length);
          Arrays.fill(record, pos + tals.length, record.length, (byte) 0);
        }
        out.write(record);
      }
    }

    private byte[] header() {
      int ns = samplesPerRecord.length + (variant.isPlus() ? 1 : 0);
      StringBuilder h = new StringBuilder();
      LocalDateTime start = signal.startDateTime().map(t -> t.withNano(0)).orElse(null);
      if (variant.isPlus()) {
        pad(h, "X X X X", 80);
        pad(h, start == null ? "Startdate X X X X"
            : "Startdate " + start.format(DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ROOT))
                .toUpperCase(Locale.ROOT) + " X X X", 80);
      } else {
        pad(h, "X", 80);
        pad(h, "mimik", 80);
      }
      if (start != null && !variant.isPlus() && (start.getYear() < 1985 || start.getYear() > 2084)) {
        throw new BadInputException(file, "plain " + variant.formatName() + " holds start dates in 1985..2084 only,"
            + " not " + start.toLocalDate());
      }
      pad(h, start == null ? UNKNOWN_DATE : start.format(DateTimeFormatter.ofPattern("dd.MM.yy")), 8);
      pad(h, start == null ? UNKNOWN_TIME : start.format(DateTimeFormatter.ofPattern("HH.mm.ss")), 8);
      pad(h, Integer.toString((ns + 1) * EdfHeader.FIXED_BYTES), 8);
      pad(h, variant.reservedField(), 44);
      pad(h, Integer.toString(records), 8);
      pad(h, duration.toPlainString(), 8);
      pad(h, Integer.toString(ns), 4);
      List<Channel> channels = signal.channels();
      for (Channel c : channels) {
        pad(h, c.name(), 16);
      }
      annotation(h, variant.annotationLabel(), 16);
      repeat(h, channels.size(), i -> "", 80);
      annotation(h, "", 80);
      repeat(h, channels.size(), i -> unit(channels.get(i).unit()), 8);
      annotation(h, "", 8);
      repeat(h, channels.size(), i -> scales[i].physicalMin(), 8);
      annotation(h, "-1", 8);
      repeat(h, channels.size(), i -> scales[i].physicalMax(), 8);
      annotation(h, "1", 8);
      repeat(h, channels.size(), i -> Integer.toString(variant.digitalMin()), 8);
      annotation(h, Integer.toString(variant.digitalMin()), 8);
      repeat(h, channels.size(), i -> Integer.toString(variant.digitalMax()), 8);
      annotation(h, Integer.toString(variant.digitalMax()), 8);
      repeat(h, channels.size(), i -> "", 80);
      annotation(h, "", 80);
      repeat(h, channels.size(), i -> Integer.toString(samplesPerRecord[i]), 8);
      annotation(h, Integer.toString(annotationSamples), 8);
      repeat(h, channels.size(), i -> "", 32);
      annotation(h, "", 32);
      byte[] version = variant.versionBytes();
      byte[] rest = h.toString().getBytes(StandardCharsets.US_ASCII);
      byte[] all = Arrays.copyOf(version, version.length + rest.length);
      System.arraycopy(rest, 0, all, version.length, rest.length);
      return all;
    }

    private void annotation(StringBuilder h, String value, int width) {
      if (variant.isPlus()) {
        pad(h, value, width);
      }
    }

    private void repeat(StringBuilder h, int n, java.util.function.IntFunction<String> value, int width) {
      for (int i = 0; i < n; i++) {
        pad(h, value.apply(i), width);
      }
    }

    private void pad(StringBuilder h, String value, int width) {
      h.append(value);
      h.append(" ".repeat(width - value.length()));
    }
  }

  /** The unit as EDF writes it: the micro sign becomes "u" (EDF headers are ASCII). */
  private static String unit(String unit) {
    return unit.replace('\u00b5', 'u').replace('\u03bc', 'u');
  }
}
