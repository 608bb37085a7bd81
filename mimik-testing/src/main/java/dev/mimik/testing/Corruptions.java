package dev.mimik.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Seeded corruptions of valid files for the corruption tests: what a bad disk, a cut download or a careless edit
 * does to a file. Byte-level ones for any format; for zip containers (model files), also ones inside an entry with
 * the zip rebuilt around it, so that the damage gets past the zip's checksums to the parser behind them.
 */
public final class Corruptions {

  /** A reader under test. */
  @FunctionalInterface
  public interface Read {
    void read(Path file) throws Exception;
  }

  private Corruptions() {}

  /**
   * Writes {@code rounds} corrupted files to {@code file} (round {@code r}'s bytes from {@code corrupted}) and reads
   * each: it must read, or throw {@code clean} with a message that starts with the file's name. Any other
   * exception or error fails, naming the round. Returns how many were refused.
   */
  public static int requireCleanFailures(Path file, int rounds, IntFunction<byte[]> corrupted, Read read,
      Class<? extends Exception> clean) throws IOException {
    int refused = 0;
    for (int round = 0; round < rounds; round++) {
      Files.write(file, corrupted.apply(round));
      try {
        read.read(file);
      } catch (Exception e) {
        if (!clean.isInstance(e)) {
          throw new AssertionError("round " + round + " of " + file.getFileName() + " threw " + e, e);
        }
        if (!e.getMessage().startsWith(file.toString())) {
          throw new AssertionError("round " + round + ": the message does not name the file: " + e.getMessage(), e);
        }
        refused++;
      } catch (Error e) {
        throw new AssertionError("round " + round + " of " + file.getFileName() + " threw " + e, e);
      }
    }
    return refused;
  }

  /** One corruption: truncation, random bytes, a text character, a deleted run, or inserted junk. */
  public static byte[] corrupt(byte[] valid, Random rnd) {
    byte[] b = valid.clone();
    switch (rnd.nextInt(5)) {
      case 0 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
      case 1 -> {
        for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
          b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
      }
      case 2 -> b[rnd.nextInt(b.length)] = (byte) "0,-.e\n x".charAt(rnd.nextInt(8));
      case 3 -> {
        int from = rnd.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + rnd.nextInt(200));
        byte[] cut = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, cut, 0, from);
        System.arraycopy(b, to, cut, from, b.length - to);
        b = cut;
      }
      default -> {
        int at = rnd.nextInt(b.length);
        byte[] junk = "NaN,,1e309, 7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] grown = new byte[b.length + junk.length];
        System.arraycopy(b, 0, grown, 0, at);
        System.arraycopy(junk, 0, grown, at, junk.length);
        System.arraycopy(b, at, grown, at + junk.length, b.length - at);
        b = grown;
      }
    }
    return b;
  }

  /**
   * A zip with one entry corrupted ({@link #corrupt}, or a JSON value swapped for an extreme one), or one entry
   * dropped or duplicated, and the zip rebuilt with correct checksums.
   */
  public static byte[] corruptZipEntry(byte[] zip, Random rnd) {
    Map<String, byte[]> entries = entries(zip);
    List<String> names = new ArrayList<>(entries.keySet());
    String name = names.get(rnd.nextInt(names.size()));
    int kind = rnd.nextInt(10);
    if (kind == 0) {
      entries.remove(name);
    } else if (kind < 4 && name.endsWith(".json")) {
      entries.put(name, extremeValue(entries.get(name), rnd));
    } else if (entries.get(name).length > 0) {
      entries.put(name, corrupt(entries.get(name), rnd));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Every entry of a zip, in order. */
  public static Map<String, byte[]> entries(byte[] zip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** A JSON text with one number replaced by an extreme or odd value (huge, negative, zero, not a number). */
  private static byte[] extremeValue(byte[] json, Random rnd) {
    String s = new String(json, StandardCharsets.UTF_8);
    List<int[]> numbers = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?").matcher(s);
    while (m.find()) {
      numbers.add(new int[] {m.start(), m.end()});
    }
    if (numbers.isEmpty()) {
      return json;
    }
    int[] at = numbers.get(rnd.nextInt(numbers.size()));
    String[] odd = {"2147483647", "-2147483648", "0", "-1", "1e308", "9999999", "NaN", "null", "\"x\"", "[]", "65537"};
    return (s.substring(0, at[0]) + odd[rnd.nextInt(odd.length)] + s.substring(at[1]))
        .getBytes(StandardCharsets.UTF_8);
  }
}
