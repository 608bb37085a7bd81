package dev.mimik.learn.bioface;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test oracle: runs a Python snippet (numpy as {@code np}, scipy.signal as {@code signal}, {@code load(name)},
 * {@code save(name, array)}) on float64 arrays and returns one saved array; skips the test where python3 with
 * numpy and scipy is missing.
 */
public final class NumpyOracle {

  private NumpyOracle() {}

  public static double[] run(String code, Map<String, double[]> inputs, String output) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("mimik-learn-oracle");
    for (Map.Entry<String, double[]> e : inputs.entrySet()) {
      ByteBuffer b = ByteBuffer.allocate(8 * e.getValue().length).order(ByteOrder.LITTLE_ENDIAN);
      b.asDoubleBuffer().put(e.getValue());
      Files.write(dir.resolve(e.getKey() + ".in"), b.array());
    }
    Files.writeString(dir.resolve("oracle.py"), String.join("\n",
        "import sys, os, numpy as np",
        "from scipy import signal",
        "D = sys.argv[1]",
        "def load(n): return np.fromfile(os.path.join(D, n + '.in'), dtype='<f8')",
        "def save(n, a): np.asarray(a, dtype='<f8').ravel().tofile(os.path.join(D, n + '.out'))",
        code, ""));
    Process probe;
    try {
      probe = new ProcessBuilder("python3", "-c", "import numpy, scipy.signal").redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "no python3 on PATH");
      return null;
    }
    probe.getInputStream().readAllBytes();
    assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "python3 lacks numpy or scipy");
    Process p = new ProcessBuilder("python3", dir.resolve("oracle.py").toString(), dir.toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("python oracle failed:\n" + log);
    }
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(output + ".out"))).order(ByteOrder.LITTLE_ENDIAN);
    double[] x = new double[b.capacity() / 8];
    b.asDoubleBuffer().get(x);
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
    return x;
  }
}
