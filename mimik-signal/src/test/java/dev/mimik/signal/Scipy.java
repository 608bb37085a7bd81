package dev.mimik.signal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test oracle: runs a snippet of Python with numpy/scipy on arrays written to a temporary folder and reads back
 * the arrays it saves. Skips the calling test (JUnit assumption) where python3 or scipy is missing.
 *
 * <p>The snippet sees {@code np}, {@code signal} (scipy.signal), {@code load(name)} and {@code save(name, array)}.
 */
public final class Scipy {

  /** Interpreters tried in order: the first on PATH, then Debian's (which python3-scipy serves). */
  static final List<String> CANDIDATES = List.of("python3", "/usr/bin/python3");

  private static String interpreter;
  private static boolean searched;

  private Scipy() {}

  /** The first candidate that imports numpy and scipy.signal, or null. */
  static synchronized String interpreter() {
    if (!searched) {
      searched = true;
      for (String candidate : CANDIDATES) {
        try {
          Process p = new ProcessBuilder(candidate, "-c", "import numpy, scipy.signal").redirectErrorStream(true).start();
          p.getInputStream().readAllBytes();
          if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
            interpreter = candidate;
            break;
          }
        } catch (IOException e) {
          // not installed: try the next one
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return interpreter;
  }

  /** Runs {@code code} with the given inputs and returns every array it saved, by name. */
  public static Map<String, double[]> run(String code, Map<String, double[]> inputs) {
    try {
      Path dir = Files.createTempDirectory("mimik-scipy");
      try {
        for (Map.Entry<String, double[]> e : inputs.entrySet()) {
          write(dir.resolve(e.getKey() + ".in"), e.getValue());
        }
        String script = String.join("\n",
            "import sys, os, numpy as np",
            "from scipy import signal",
            "D = sys.argv[1]",
            "def load(n): return np.fromfile(os.path.join(D, n + '.in'), dtype='<f8')",
            "def save(n, a): np.ascontiguousarray(np.asarray(a, dtype='<f8').ravel()).tofile(os.path.join(D, n + '.out'))",
            code, "");
        Path py = dir.resolve("oracle.py");
        Files.writeString(py, script);
        String python = interpreter();
        assumeTrue(python != null, "no python3 with numpy and scipy (tried " + CANDIDATES + ")");
        Process p = new ProcessBuilder(python, py.toString(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        assumeTrue(done, "python3 timed out");
        if (p.exitValue() != 0) {
          throw new IllegalStateException("python oracle failed:\n" + out);
        }
        Map<String, double[]> result = new LinkedHashMap<>();
        List<Path> outs = new ArrayList<>();
        try (var s = Files.list(dir)) {
          s.filter(f -> f.toString().endsWith(".out")).forEach(outs::add);
        }
        for (Path f : outs) {
          String name = f.getFileName().toString();
          result.put(name.substring(0, name.length() - 4), read(f));
        }
        return result;
      } finally {
        try (var s = Files.list(dir)) {
          for (Path f : s.toList()) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes little-endian float64 samples. */
  public static void write(Path file, double[] x) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 * x.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(x);
    Files.write(file, b.array());
  }

  /** Reads little-endian float64 samples. */
  public static double[] read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    double[] x = new double[b.capacity() / 8];
    b.asDoubleBuffer().get(x);
    return x;
  }

  /** Largest absolute difference divided by the largest magnitude of {@code expected}. */
  public static double relativeError(double[] actual, double[] expected) {
    if (actual.length != expected.length) {
      throw new AssertionError("lengths differ: " + actual.length + " vs " + expected.length);
    }
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < actual.length; i++) {
      diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
      scale = Math.max(scale, Math.abs(expected[i]));
    }
    return diff / Math.max(scale, Double.MIN_NORMAL);
  }

  /** A seeded test signal: slow drift, a few tones, white noise. */
  public static double[] testSignal(int n, double fs, long seed) {
    java.util.Random r = new java.util.Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double t = i / fs;
      x[i] = 40 + 30 * Math.sin(2 * Math.PI * 0.3 * t) + 20 * Math.sin(2 * Math.PI * 50 * t)
          + 10 * Math.sin(2 * Math.PI * 3.7 * t) + 15 * r.nextGaussian();
    }
    return x;
  }
}
