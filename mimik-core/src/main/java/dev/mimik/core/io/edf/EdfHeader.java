package dev.mimik.core.io.edf;

import dev.mimik.core.io.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parsed and checked header of an EDF-family file: what every signal holds and how the data records are laid
 * out. Parsing checks every number and that the file size matches, so the reader can trust the layout.
 *
 * @param variant EDF, EDF+, BDF or BDF+
 * @param discontinuous whether the reserved field says EDF+D / BDF+D (records carry their own start times)
 * @param patient the patient identification field
 * @param recording the recording identification field
 * @param startDateTime the start date and time, empty when an EDF+ file says it is unknown
 * @param headerBytes the length of the header in bytes
 * @param recordCount the number of data records (worked out from the file size when the header says -1)
 * @param recordDuration the duration of one data record in seconds
 * @param signals every signal, annotation signals included, in file order
 */
public record EdfHeader(
    EdfVariant variant,
    boolean discontinuous,
    String patient,
    String recording,
    Optional<LocalDateTime> startDateTime,
    int headerBytes,
    int recordCount,
    double recordDuration,
    List<SignalHeader> signals) {

  /** The labels that mark an annotation signal (EDF+ TALs). */
  static final List<String> ANNOTATION_LABELS = List.of("EDF Annotations", "BDF Annotations");

  /**
   * One signal's header fields.
   *
   * @param label the signal label
   * @param transducer the transducer type
   * @param unit the physical dimension
   * @param physicalMin the physical value of {@code digitalMin}
   * @param physicalMax the physical value of {@code digitalMax}
   * @param digitalMin the smallest digital value
   * @param digitalMax the largest digital value
   * @param prefilter the prefiltering field
   * @param samplesPerRecord the number of samples of this signal in each data record
   */
  public record SignalHeader(
      String label,
      String transducer,
      String unit,
      double physicalMin,
      double physicalMax,
      int digitalMin,
      int digitalMax,
      String prefilter,
      int samplesPerRecord) {

    /** Whether this is an EDF+ annotation signal rather than a sampled one. */
    public boolean isAnnotation() {
      return ANNOTATION_LABELS.contains(label);
    }

    /** The physical size of one digital step. */
    public double quantum() {
      return (physicalMax - physicalMin) / ((double) digitalMax - digitalMin);
    }

    /** The physical value of a digital sample. */
    double physical(int digital) {
      return physicalMin + (digital - (double) digitalMin) * quantum();
    }
  }

  /** Bytes of the fixed part of the header and of each signal's part. */
  static final int FIXED_BYTES = 256;

  /** Bytes of one data record. */
  public long recordBytes() {
    return signals.stream().mapToLong(SignalHeader::samplesPerRecord).sum() * variant.bytesPerSample();
  }

  /** Whether the first 8 bytes are those of an EDF ({@code "0       "}) or BDF (0xFF "BIOSEMI") file. */
  static boolean hasVersion(byte[] head) {
    if (head.length < 8) {
      return false;
    }
    String rest = new String(head, 1, 7, StandardCharsets.US_ASCII);
    return (head[0] == '0' && rest.isBlank()) || (head[0] == (byte) 0xFF && rest.equals("BIOSEMI"));
  }

  /**
   * Reads and checks the header of an open file.
   *
   * @throws BadInputException if the header is truncated, a field does not parse, or the sizes disagree
   */
  static EdfHeader read(Path file, FileChannel channel) throws IOException {
    long size = channel.size();
    Fields fixed = new Fields(file, readFully(file, channel, 0, FIXED_BYTES, "the fixed header"));
    byte[] version = fixed.bytes(0, 8);
    if (!hasVersion(version)) {
      throw new BadInputException(file, "not an EDF or BDF file (the first 8 bytes are neither \"0\" and spaces"
          + " nor 0xFF \"BIOSEMI\")");
    }
    boolean bdf = version[0] == (byte) 0xFF;
    String patient = fixed.text(8, 80);
    String recording = fixed.text(88, 80);
    String date = fixed.text(168, 8);
    String time = fixed.text(176, 8);
    long headerBytes = fixed.integer(184, 8, "number of header bytes");
    String reserved = fixed.text(192, 44);
    long records = fixed.integer(236, 8, "number of data records");
    double duration = fixed.number(244, 8, "duration of a data record");
    long signalCount = fixed.integer(252, 4, "number of signals");

    boolean plus = reserved.startsWith("EDF+") || reserved.startsWith("BDF+");
    boolean discontinuous = plus && reserved.length() > 4 && reserved.charAt(4) == 'D';
    EdfVariant variant = EdfVariant.of(bdf, plus);
    if (signalCount < 0 || (signalCount + 1) * FIXED_BYTES > size) {
      throw new BadInputException(file, "the header says " + signalCount + " signals, which do not fit in a file of "
          + size + " bytes");
    }
    if (headerBytes != (signalCount + 1) * FIXED_BYTES) {
      throw new BadInputException(file, "the header says it has " + headerBytes + " bytes, but " + signalCount
          + " signals need " + (signalCount + 1) * FIXED_BYTES);
    }
    if (!(duration >= 0)) {
      throw new BadInputException(file, "the duration of a data record is negative: " + duration);
    }
    int ns = (int) signalCount;
    Fields sig = new Fields(file, readFully(file, channel, FIXED_BYTES, ns * FIXED_BYTES, "the signal headers"));
    List<SignalHeader> signals = new ArrayList<>(ns);
    long recordSamples = 0;
    for (int i = 0; i < ns; i++) {
      String what = "signal " + (i + 1);
      String label = sig.text(16 * i, 16);
      String transducer = sig.text(ns * 16 + 80 * i, 80);
      String unit = sig.text(ns * 96 + 8 * i, 8);
      double pMin = sig.number(ns * 104 + 8 * i, 8, "physical minimum of " + what);
      double pMax = sig.number(ns * 112 + 8 * i, 8, "physical maximum of " + what);
      long dMin = sig.integer(ns * 120 + 8 * i, 8, "digital minimum of " + what);
      long dMax = sig.integer(ns * 128 + 8 * i, 8, "digital maximum of " + what);
      String prefilter = sig.text(ns * 136 + 80 * i, 80);
      long spr = sig.integer(ns * 216 + 8 * i, 8, "number of samples per record of " + what);
      if (dMin >= dMax || dMin < variant.digitalMin() || dMax > variant.digitalMax()) {
        throw new BadInputException(file, what + " (" + label + ") has digital range " + dMin + ".." + dMax
            + ", not an increasing range within " + variant.digitalMin() + ".." + variant.digitalMax());
      }
      if (pMin == pMax) {
        throw new BadInputException(file, what + " (" + label + ") has equal physical minimum and maximum " + pMin);
      }
      if (spr < 1 || spr > size) {
        throw new BadInputException(file, what + " (" + label + ") has " + spr + " samples per record");
      }
      if (!ANNOTATION_LABELS.contains(label) && duration > 0 && !Double.isFinite(spr / duration)) {
        throw new BadInputException(file, what + " (" + label + ") has " + spr + " samples in " + duration
            + " s, not a finite sampling rate");
      }
      recordSamples += spr;
      signals.add(new SignalHeader(label, transducer, unit, pMin, pMax, (int) dMin, (int) dMax, prefilter,
          (int) spr));
    }
    long recordBytes = recordSamples * variant.bytesPerSample();
    long dataBytes = size - headerBytes;
    if (records == -1 && recordBytes > 0) {
      records = dataBytes / recordBytes;
    }
    if (records < 0 || records > Integer.MAX_VALUE) {
      throw new BadInputException(file, "the header says " + records + " data records");
    }
    long expectedBytes;
    try {
      expectedBytes = Math.multiplyExact(records, recordBytes);
    } catch (ArithmeticException e) {
      throw new BadInputException(file, "the header says " + records + " data records of " + recordBytes
          + " bytes, more than any file holds");
    }
    if (dataBytes != expectedBytes) {
      throw new BadInputException(file, "the header says " + records + " data records of " + recordBytes
          + " bytes after " + headerBytes + " header bytes (" + (headerBytes + expectedBytes)
          + " bytes), but the file has " + size + " bytes" + (dataBytes < expectedBytes ? " (truncated)" : ""));
    }
    if (duration == 0 && signals.stream().anyMatch(s -> !s.isAnnotation())) {
      throw new BadInputException(file, "the duration of a data record is 0 but the file has sampled signals");
    }
    Optional<LocalDateTime> start = startDateTime(file, plus, recording, date, time);
    return new EdfHeader(variant, discontinuous, patient, recording, start, (int) headerBytes, (int) records,
        duration, List.copyOf(signals));
  }

  /** The start from the header's dd.mm.yy and hh.mm.ss; an EDF+ "Startdate dd-MMM-yyyy" gives the full year. */
  private static Optional<LocalDateTime> startDateTime(
      Path file, boolean plus, String recording, String date, String time) {
    int[] dmy = dotted(file, date, "start date", "dd.mm.yy");
    int[] hms = dotted(file, time, "start time", "hh.mm.ss");
    int year = dmy[2] + (dmy[2] >= 85 ? 1900 : 2000);
    if (plus) {
      String[] words = recording.split(" +");
      if (words.length >= 2 && words[0].equals("Startdate")) {
        if (words[1].equals("X") && date.equals(EdfWriter.UNKNOWN_DATE) && time.equals(EdfWriter.UNKNOWN_TIME)) {
          return Optional.empty();
        }
        year = fullYear(words[1], year);
      }
    }
    try {
      return Optional.of(LocalDateTime.of(year, dmy[1], dmy[0], hms[0], hms[1], hms[2]));
    } catch (DateTimeException e) {
      throw new BadInputException(file, "the start date and time " + date + " " + time + " are not a valid date", e);
    }
  }

  /** The year of an EDF+ "dd-MMM-yyyy" date, or {@code fallback} when it is not one. */
  private static int fullYear(String ddMmmYyyy, int fallback) {
    String[] parts = ddMmmYyyy.split("-");
    if (parts.length != 3 || !parts[2].matches("[0-9]{4}")) {
      return fallback;
    }
    boolean month = false;
    for (Month m : Month.values()) {
      month |= m.name().substring(0, 3).equals(parts[1].toUpperCase(Locale.ROOT));
    }
    return month ? Integer.parseInt(parts[2]) : fallback;
  }

  private static int[] dotted(Path file, String field, String what, String pattern) {
    if (!field.matches("[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}")) {
      throw new BadInputException(file, "the " + what + " '" + field + "' is not " + pattern);
    }
    return new int[] {
      Integer.parseInt(field.substring(0, 2)), Integer.parseInt(field.substring(3, 5)),
      Integer.parseInt(field.substring(6, 8))
    };
  }

  static byte[] readFully(Path file, FileChannel channel, long position, int length, String what)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + buffer.position());
      if (n < 0) {
        throw new BadInputException(file, "the file ends inside " + what + " (truncated at "
            + (position + buffer.position()) + " bytes)");
      }
    }
    return buffer.array();
  }

  /** Fixed-width ASCII fields of a header block. */
  private record Fields(Path file, byte[] block) {

    byte[] bytes(int offset, int length) {
      return java.util.Arrays.copyOfRange(block, offset, offset + length);
    }

    String text(int offset, int length) {
      return new String(block, offset, length, StandardCharsets.ISO_8859_1).trim();
    }

    long integer(int offset, int length, String what) {
      String s = text(offset, length);
      try {
        return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
      } catch (NumberFormatException e) {
        throw new BadInputException(file, "the " + what + " '" + s + "' is not a whole number");
      }
    }

    double number(int offset, int length, String what) {
      String s = text(offset, length);
      if (!s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
        throw new BadInputException(file, "the " + what + " '" + s + "' is not a number");
      }
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        throw new BadInputException(file, "the " + what + " '" + s + "' is not a finite number");
      }
      return v;
    }
  }
}
