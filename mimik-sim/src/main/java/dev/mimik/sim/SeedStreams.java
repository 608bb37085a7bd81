package dev.mimik.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams derived from one seed and a label.
 *
 * <p>Every random part of the simulator draws from its own stream ({@code "blinks"}, {@code "emg/3"}, ...), so
 * adding a draw in one part never changes the numbers of another: the same seed gives the same bytes.
 */
public final class SeedStreams {

  private SeedStreams() {}

  /** A generator for the stream named {@code label} under {@code seed}. */
  public static SplittableRandom stream(long seed, String label) {
    return new SplittableRandom(derive(seed, label));
  }

  /** A 64-bit seed derived from {@code seed} and {@code label} (FNV-1a over the label, then SplitMix64 mixing). */
  public static long derive(long seed, String label) {
    long h = 0xcbf29ce484222325L;
    for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    long z = seed ^ h;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
