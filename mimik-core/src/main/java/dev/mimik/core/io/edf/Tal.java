package dev.mimik.core.io.edf;

import dev.mimik.core.io.BadInputException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Time-stamped Annotations List of EDF+: {@code +onset[0x15 duration]0x14 text 0x14 ... 0x00}, the unit in which
 * an annotation signal stores its events. The first TAL of each data record has an empty first text and gives the
 * record's start time.
 *
 * @param onset seconds from the file's start date and time
 * @param duration seconds, 0 when the TAL gives none
 * @param texts the annotation texts; an empty first text marks the time-keeping TAL of a record
 */
record Tal(BigDecimal onset, BigDecimal duration, List<String> texts) {

  private static final byte DURATION = 0x15;
  private static final byte SEPARATOR = 0x14;

  /** Whether this is a record's time-keeping TAL. */
  boolean isTimeKeeping() {
    return !texts.isEmpty() && texts.get(0).isEmpty();
  }

  /** Whether a text can be written in a TAL (has no byte with a meaning in TALs). */
  static boolean canHold(String text) {
    return text.chars().noneMatch(c -> c == 0 || c == DURATION || c == SEPARATOR);
  }

  /** The bytes of this TAL, terminating zero included. */
  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(((onset.signum() < 0 ? "" : "+") + onset.toPlainString()).getBytes(StandardCharsets.US_ASCII));
    if (duration.signum() > 0) {
      out.write(DURATION);
      out.writeBytes(duration.toPlainString().getBytes(StandardCharsets.US_ASCII));
    }
    out.write(SEPARATOR);
    for (String text : texts) {
      out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      out.write(SEPARATOR);
    }
    out.write(0);
    return out.toByteArray();
  }

  /**
   * The TALs of one annotation signal in one data record; unused bytes after the last TAL are zeros.
   *
   * @throws BadInputException if a TAL is malformed
   */
  static List<Tal> decode(Path file, byte[] bytes, int from, int to, int record) {
    List<Tal> tals = new ArrayList<>();
    int pos = from;
    while (pos < to && bytes[pos] != 0) {
      int end = pos;
      while (end < to && bytes[end] != 0) {
        end++;
      }
      if (end == to) {
        throw bad(file, record, "a TAL does not end with a zero byte");
      }
      tals.add(parse(file, bytes, pos, end, record));
      pos = end + 1;
    }
    return tals;
  }

  private static Tal parse(Path file, byte[] bytes, int from, int to, int record) {
    int sep = from;
    while (sep < to && bytes[sep] != SEPARATOR) {
      sep++;
    }
    if (sep == to) {
      throw bad(file, record, "a TAL has no 0x14 after its onset");
    }
    int dur = from;
    while (dur < sep && bytes[dur] != DURATION) {
      dur++;
    }
    String onsetText = ascii(bytes, from, dur);
    if (onsetText.isEmpty() || (onsetText.charAt(0) != '+' && onsetText.charAt(0) != '-')) {
      throw bad(file, record, "a TAL onset '" + onsetText + "' does not start with + or -");
    }
    BigDecimal onset = decimal(file, record, onsetText.substring(onsetText.charAt(0) == '+' ? 1 : 0), "onset");
    BigDecimal duration = dur < sep ? decimal(file, record, ascii(bytes, dur + 1, sep), "duration") : BigDecimal.ZERO;
    if (duration.signum() < 0) {
      throw bad(file, record, "a TAL has a negative duration " + duration);
    }
    List<String> texts = new ArrayList<>();
    int start = sep + 1;
    for (int i = start; i < to; i++) {
      if (bytes[i] == SEPARATOR) {
        texts.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    if (start < to) {
      throw bad(file, record, "a TAL's last annotation does not end with 0x14");
    }
    return new Tal(onset, duration, texts);
  }

  private static BigDecimal decimal(Path file, int record, String text, String what) {
    if (!text.matches("-?[0-9]+(\\.[0-9]*)?|-?\\.[0-9]+") || text.length() > 40) {
      throw bad(file, record, "a TAL " + what + " '" + text + "' is not a decimal number");
    }
    return new BigDecimal(text);
  }

  private static String ascii(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static BadInputException bad(Path file, int record, String problem) {
    return new BadInputException(file, "data record " + (record + 1) + ": " + problem);
  }
}
