package dev.mimik.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Test oracle: runs a snippet of Python with numpy (and the modules a test asks for) on named float64 arrays and
 * reads back the arrays it saves, so that a test compares mimik with an independent implementation.
 *
 * <p>The arrays travel as little-endian float64 files in a temporary folder (exact, NaN included); the snippet runs
 * once per {@link #run} call and sees {@code np} (numpy), {@code load(name)} (a 1-D array; reshape it yourself),
 * {@code save(name, array)} (any shape, saved flattened) and every module it {@linkplain #requiring requires},
 * imported by name; {@link #scipy()} also binds {@code signal} to {@code scipy.signal}.
 *
 * <p>Where no interpreter has the modules, the calling test is skipped (a JUnit assumption) with one message naming
 * the modules and the interpreters tried. A snippet that fails or runs past its timeout fails the test with
 * Python's output.
 *
 * <pre>{@code
 * Outputs py = PythonOracle.scipy().run("save('y', signal.sosfiltfilt(load('sos').reshape(-1, 6), load('x')))",
 *     Map.of("sos", flatSos, "x", x));
 * assertThat(PythonOracle.relativeError(mine, py.get("y"))).isLessThan(1e-9);
 * }</pre>
 */
public final class PythonOracle {

  /**
   * Interpreters tried in order: the first {@code python3} on PATH, then Debian's {@code /usr/bin/python3} (which
   * Debian's {@code python3-*} packages such as {@code python3-scipy} and {@code python3-mne} serve).
   */
  public static final List<String> INTERPRETERS = List.of("python3", "/usr/bin/python3");

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  /** The interpreter found for each set of modules, so that each is searched once per test run. */
  private static final Map<List<String>, Optional<String>> FOUND = new ConcurrentHashMap<>();

  private final List<String> modules;
  private final List<String> prelude;
  private final Duration timeout;

  private PythonOracle(List<String> modules, List<String> prelude, Duration timeout) {
    this.modules = List.copyOf(modules);
    this.prelude = List.copyOf(prelude);
    this.timeout = timeout;
  }

  /** An oracle with numpy only. */
  public static PythonOracle numpy() {
    return new PythonOracle(List.of("numpy"), List.of(), DEFAULT_TIMEOUT);
  }

  /** An oracle with numpy and {@code scipy.signal}, bound to the name {@code signal}. */
  public static PythonOracle scipy() {
    return new PythonOracle(List.of("numpy", "scipy.signal"), List.of("from scipy import signal"), DEFAULT_TIMEOUT);
  }

  /** This oracle, also requiring (and importing by name) each of {@code more}, e.g. {@code "scipy.spatial"}. */
  public PythonOracle requiring(String... more) {
    List<String> all = new ArrayList<>(modules);
    for (String module : more) {
      if (!MODULE.matcher(module).matches()) {
        throw new IllegalArgumentException("not a Python module name: " + module);
      }
      if (!all.contains(module)) {
        all.add(module);
      }
    }
    return new PythonOracle(all, prelude, timeout);
  }

  /** This oracle with another time limit for one run (120 s unless told). */
  public PythonOracle timeout(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + limit);
    }
    return new PythonOracle(modules, prelude, limit);
  }

  /** The modules an interpreter must import for this oracle. */
  public List<String> modules() {
    return modules;
  }

  /**
   * Runs {@code code} once with {@code inputs} (each readable as {@code load(name)}) and returns every array it
   * saved. Skips the calling test where no interpreter has the modules.
   *
   * @throws AssertionError if the snippet exits with an error or runs past the timeout, with Python's output
   */
  public Outputs run(String code, Map<String, double[]> inputs) {
    String python = requireInterpreter(modules.toArray(String[]::new));
    Path dir = null;
    try {
      dir = Files.createTempDirectory("mimik-python-oracle");
      for (Map.Entry<String, double[]> e : inputs.entrySet()) {
        write(dir.resolve(checkedName(e.getKey()) + ".in"), e.getValue());
      }
      List<String> lines = new ArrayList<>();
      lines.add("import sys, os");
      lines.add("import numpy as np");
      for (String module : modules) {
        lines.add("import " + module);
      }
      lines.addAll(prelude);
      lines.add("D = sys.argv[1]");
      lines.add("def load(n): return np.fromfile(os.path.join(D, n + '.in'), dtype='<f8')");
      lines.add("def save(n, a): np.ascontiguousarray(np.asarray(a, dtype='<f8').ravel())"
          + ".tofile(os.path.join(D, n + '.out'))");
      lines.add(code);
      lines.add("");
      Path script = Files.writeString(dir.resolve("oracle.py"), String.join("\n", lines));
      Path log = dir.resolve("oracle.log");
      Process p = new ProcessBuilder(python, script.toString(), dir.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      p.getOutputStream().close();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("the Python oracle (" + python + ") did not finish within " + timeout.toSeconds()
            + " s; its output:\n" + Files.readString(log, StandardCharsets.UTF_8) + "\nthe snippet:\n" + code);
      }
      if (p.exitValue() != 0) {
        throw new AssertionError("the Python oracle (" + python + ") failed with exit code " + p.exitValue()
            + "; its output:\n" + Files.readString(log, StandardCharsets.UTF_8) + "\nthe snippet:\n" + code);
      }
      Map<String, double[]> saved = new TreeMap<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".out")).toList()) {
          String name = f.getFileName().toString();
          saved.put(name.substring(0, name.length() - 4), read(f));
        }
      }
      return new Outputs(saved);
    } catch (IOException e) {
      throw new IllegalStateException("the Python oracle could not exchange its arrays: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the Python oracle ran", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * The first of {@link #INTERPRETERS} that imports every one of {@code modules}, or empty; searched once per set
   * of modules. For oracles that are not arrays in and out (an MNE script reading a file, say).
   */
  public static Optional<String> interpreterWith(String... modules) {
    List<String> key = List.of(modules);
    for (String module : key) {
      if (!MODULE.matcher(module).matches()) {
        throw new IllegalArgumentException("not a Python module name: " + module);
      }
    }
    return FOUND.computeIfAbsent(key, PythonOracle::search);
  }

  /** {@link #interpreterWith}, skipping the calling test with one message where there is none. */
  public static String requireInterpreter(String... modules) {
    Optional<String> python = interpreterWith(modules);
    assumeTrue(python.isPresent(), () -> "no Python with " + String.join(", ", modules) + " (tried "
        + String.join(", ", INTERPRETERS) + "); .ci/install-test-tools installs them");
    return python.get();
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

  /** The arrays a snippet saved, by name. */
  public static final class Outputs {

    private final Map<String, double[]> arrays;

    Outputs(Map<String, double[]> arrays) {
      this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    }

    /** The array saved as {@code name}; fails naming what was saved where the snippet saved no such array. */
    public double[] get(String name) {
      double[] a = arrays.get(name);
      if (a == null) {
        throw new AssertionError("the Python oracle saved no array '" + name + "' (saved: " + arrays.keySet() + ")");
      }
      return a;
    }

    /** The one value saved as {@code name}. */
    public double scalar(String name) {
      double[] a = get(name);
      if (a.length != 1) {
        throw new AssertionError("the Python oracle saved " + a.length + " values as '" + name + "', not one");
      }
      return a[0];
    }

    /** The names saved, in order. */
    public java.util.Set<String> names() {
      return arrays.keySet();
    }
  }

  private static Optional<String> search(List<String> modules) {
    String probe = modules.isEmpty() ? "pass" : "import " + String.join(", ", modules);
    for (String candidate : INTERPRETERS) {
      try {
        Process p = new ProcessBuilder(candidate, "-c", probe).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        if (!p.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
        } else if (p.exitValue() == 0) {
          return Optional.of(candidate);
        }
      } catch (IOException e) {
        // not installed: try the next one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String checkedName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("an input array's name must be a Python identifier: " + name);
    }
    return name;
  }

  private static void write(Path file, double[] x) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 * x.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(x);
    Files.write(file, b.array());
  }

  private static double[] read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    double[] x = new double[b.capacity() / 8];
    b.asDoubleBuffer().get(x);
    return x;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
