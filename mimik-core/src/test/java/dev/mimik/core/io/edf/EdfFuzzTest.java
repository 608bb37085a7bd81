package dev.mimik.core.io.edf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Annotation;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Corrupts valid files in many seeded ways (truncation, byte flips in the header and in the TALs, header fields
 * replaced by garbage or extreme numbers, bytes appended): every failure must be a {@link BadInputException} naming
 * the file, never another exception, never a hang.
 */
class EdfFuzzTest {

  private static final int CASES = 600;
  private static final String[] GARBAGE = {
    "", " ", "-1", "0", "1", "-0", "+5", "abc", "1e308", "-1e308", "NaN", "Infinity", "99999999", "-9999999",
    "2147483648", "0.0001", "1.5", "0x10", "\u0000\u0000", "12.34.56", "..", "-", "+", "1e-320"
  };
  /** Offsets and widths of the fixed header fields from the start date on. */
  private static final int[][] FIXED_FIELDS = {{168, 8}, {176, 8}, {184, 8}, {192, 44}, {236, 8}, {244, 8},
      {252, 4}};

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(EdfVariant.class)
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void corruptFilesFailOnlyWithBadInput(EdfVariant variant) throws IOException {
    Signal signal = variant.isPlus()
        ? new Signal(EdfFixtures.plain(1, 64, 3).channels(), 0, java.util.Optional.empty(),
            List.of(new Annotation(0.5, 0.25, "a"), new Annotation(2.0, 0, "b")))
        : EdfFixtures.plain(1, 64, 3);
    Path valid = dir.resolve("valid");
    new EdfWriter(variant).write(signal, valid);
    byte[] good = Files.readAllBytes(valid);
    EdfHeader header = new EdfReader().readHeader(valid);
    Path file = dir.resolve("fuzzed");
    int rejected = 0;
    for (int seed = 0; seed < CASES; seed++) {
      Random rnd = new Random(seed * 31L + variant.ordinal());
      byte[] bad = mutate(good, header, rnd);
      Files.write(file, bad);
      try {
        new EdfReader().read(file);
      } catch (BadInputException e) {
        assertThat(e.getMessage()).startsWith(file.toString());
        rejected++;
      } catch (RuntimeException | IOException | Error e) {
        throw new AssertionError("seed " + seed + " (" + variant + "): " + e, e);
      }
    }
    assertThat(rejected).as("most corruptions are caught").isGreaterThan(CASES / 3);
  }

  private static byte[] mutate(byte[] good, EdfHeader header, Random rnd) {
    int headerBytes = header.headerBytes();
    switch (rnd.nextInt(6)) {
      case 0:
        return Arrays.copyOf(good, rnd.nextInt(good.length));
      case 1: {
        byte[] b = good.clone();
        for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
          b[rnd.nextInt(headerBytes)] = (byte) rnd.nextInt(256);
        }
        return b;
      }
      case 2: {
        byte[] b = good.clone();
        int[] field = FIXED_FIELDS[rnd.nextInt(FIXED_FIELDS.length)];
        put(b, field[0], field[1], GARBAGE[rnd.nextInt(GARBAGE.length)]);
        return b;
      }
      case 3: {
        byte[] b = good.clone();
        int ns = header.signals().size();
        int[] blocks = {104, 112, 120, 128, 216};
        int block = blocks[rnd.nextInt(blocks.length)];
        put(b, 256 + ns * block + 8 * rnd.nextInt(ns), 8, GARBAGE[rnd.nextInt(GARBAGE.length)]);
        return b;
      }
      case 4: {
        byte[] b = good.clone();
        int tals = talOffset(header);
        if (tals < 0) {
          b[headerBytes + rnd.nextInt(good.length - headerBytes)] = (byte) rnd.nextInt(256);
          return b;
        }
        int talBytes = header.signals().get(header.signals().size() - 1).samplesPerRecord()
            * header.variant().bytesPerSample();
        int record = rnd.nextInt(header.recordCount());
        byte[] special = {0, 0x14, 0x15, '+', '-', '.', '9', 'x'};
        for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
          int at = (int) (headerBytes + record * header.recordBytes() + tals + rnd.nextInt(talBytes));
          b[at] = rnd.nextBoolean() ? special[rnd.nextInt(special.length)] : (byte) rnd.nextInt(256);
        }
        return b;
      }
      default: {
        byte[] b = Arrays.copyOf(good, good.length + 1 + rnd.nextInt(1000));
        for (int i = good.length; i < b.length; i++) {
          b[i] = (byte) rnd.nextInt(256);
        }
        return b;
      }
    }
  }

  /** Offset of the annotation signal inside a record, or -1 without one (it is the last signal when present). */
  private static int talOffset(EdfHeader header) {
    List<EdfHeader.SignalHeader> s = new ArrayList<>(header.signals());
    if (!s.get(s.size() - 1).isAnnotation()) {
      return -1;
    }
    int offset = 0;
    for (int i = 0; i < s.size() - 1; i++) {
      offset += s.get(i).samplesPerRecord() * header.variant().bytesPerSample();
    }
    return offset;
  }

  private static void put(byte[] b, int offset, int width, String text) {
    byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < width; i++) {
      b[offset + i] = i < t.length ? t[i] : (byte) ' ';
    }
  }
}
