package dev.mimik.signal.bench;

import dev.mimik.signal.band.BandSplitter;
import dev.mimik.signal.filter.Sos;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;
import dev.mimik.signal.preset.EiferChain;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Speed of the DSP chains, against scipy on the same data (behind {@code mimik bench dsp}).
 *
 * <p>Two workloads: the earpiece (2 channels at 1 kHz: EMG band, EOG band, 50 Hz notches; causal through
 * {@link BandSplitter#live}, whole array and in 32-sample blocks, and zero-phase through each band's cascade) and EIFER (22 channels at 4096 Hz through {@link EiferChain}). Each case runs once to warm up, then
 * the best of {@code repeats} runs (before and again after scipy's) is reported as samples per second (input samples, all channels), beside scipy's
 * figure from {@code dsp_bench.py} run by {@code python3} on the same data, their ratio, and the largest
 * difference between the two outputs relative to the output's largest magnitude. Without python3 and scipy the
 * Java figures are printed alone. Single-threaded on both sides.
 */
public final class DspBenchmark {

  private static final double EAR_RATE = 1000;
  private static final double EIFER_RATE = 4096;
  private static final int EIFER_CHANNELS = 22;
  private static final int BLOCK = 32;

  private final double earpieceSeconds;
  private final double eiferSeconds;
  private final int repeats;

  /**
   * @param earpieceSeconds length of the earpiece recording
   * @param eiferSeconds length of the EIFER recording
   * @param repeats timed runs per case (the best counts)
   */
  public DspBenchmark(double earpieceSeconds, double eiferSeconds, int repeats) {
    if (!(earpieceSeconds >= 1 && eiferSeconds >= 1 && repeats >= 1)) {
      throw new IllegalArgumentException("durations must be at least 1 s and repeats at least 1");
    }
    this.earpieceSeconds = earpieceSeconds;
    this.eiferSeconds = eiferSeconds;
    this.repeats = repeats;
  }

  /** 300 s of earpiece, 30 s of EIFER, best of 5. */
  public static DspBenchmark standard() {
    return new DspBenchmark(300, 30, 5);
  }

  /** Runs every case and prints one line per case. */
  public void run(PrintStream out) throws IOException, InterruptedException {
    int nEar = (int) Math.round(earpieceSeconds * EAR_RATE);
    int nEifer = (int) Math.round(eiferSeconds * EIFER_RATE);
    double[][] ear = synthetic(2, nEar, EAR_RATE, 1);
    double[][] eifer = synthetic(EIFER_CHANNELS, nEifer, EIFER_RATE, 2);
    out.printf("mimik bench dsp: Java %s, %d processors, load average %s; best of 2 x %d after a warm-up;"
        + " single-threaded%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        loadAverage(), repeats);

    BandSplitter split = BandSplitter.standard();
    Sos emg = split.emgFilter(EAR_RATE);
    Sos eog = split.eogFilter(EAR_RATE);
    EiferChain chain = EiferChain.standard();
    Map<String, Supplier<double[][]>> cases = new LinkedHashMap<>();
    cases.put("ear_causal", () -> live(split, ear, ear[0].length));
    cases.put("ear_causal_blocks", () -> live(split, ear, BLOCK));
    cases.put("ear_zero_phase", () -> both(ear, x -> ZeroPhaseSosFilter.filter(emg, x),
        x -> ZeroPhaseSosFilter.filter(eog, x)));
    cases.put("eifer_chain", () -> {
      double[][] y = new double[eifer.length][];
      for (int c = 0; c < eifer.length; c++) {
        y[c] = chain.apply(eifer[c], EIFER_RATE);
      }
      return y;
    });
    // Java is timed before and after scipy and the best counts, so a busy spell on a shared machine is less likely
    // to hit only one side
    Map<String, double[][]> java = new HashMap<>();
    Map<String, Double> seconds = new HashMap<>();
    cases.forEach((name, work) -> time(name, seconds, java, work));
    Scipy scipy = runScipy(ear, eifer, out);
    cases.forEach((name, work) -> time(name, seconds, java, work));
    out.printf("earpiece: 2 ch x %.0f s at %.0f Hz; EMG %s sections, EOG %s sections (each 50 Hz notches x5 +"
        + " Butterworth order 4: 20-450 Hz, 0.1-10 Hz)%n", earpieceSeconds, EAR_RATE, emg.sectionCount(),
        eog.sectionCount());
    double earSamples = 2.0 * nEar;
    line(out, "causal, whole array", earSamples, seconds.get("ear_causal"), scipy, "ear_causal",
        diff(java.get("ear_causal"), scipy, "ear_causal_emg", "ear_causal_eog"));
    line(out, "causal, " + BLOCK + "-sample blocks", earSamples, seconds.get("ear_causal_blocks"), scipy,
        "ear_causal", diff(java.get("ear_causal_blocks"), scipy, "ear_causal_emg", "ear_causal_eog"));
    line(out, "zero-phase", earSamples, seconds.get("ear_zero_phase"), scipy, "ear_zero_phase",
        diff(java.get("ear_zero_phase"), scipy, "ear_zp_emg", "ear_zp_eog"));
    out.printf("EIFER: %d ch x %.0f s at %.0f Hz; mean, notch 50 Hz Q2, FIR 10-500 Hz 129 taps (both"
        + " zero-phase), RMS 2048, resample to 30 Hz%n", EIFER_CHANNELS, eiferSeconds, EIFER_RATE);
    line(out, "full chain", (double) EIFER_CHANNELS * nEifer, seconds.get("eifer_chain"), scipy, "eifer_chain",
        diff(java.get("eifer_chain"), scipy, "eifer_chain", null));
  }

  private interface Op {
    double[] apply(double[] x);
  }

  /** Each channel through both bands; output rows are EMG of every channel, then EOG of every channel. */
  private static double[][] both(double[][] x, Op a, Op b) {
    double[][] y = new double[2 * x.length][];
    for (int c = 0; c < x.length; c++) {
      y[c] = a.apply(x[c]);
      y[x.length + c] = b.apply(x[c]);
    }
    return y;
  }

  /** The live splitter over each channel in blocks; rows as {@link #both}. */
  private static double[][] live(BandSplitter split, double[][] x, int block) {
    int n = x[0].length;
    double[][] y = new double[2 * x.length][n];
    for (int c = 0; c < x.length; c++) {
      BandSplitter.Live f = split.live(EAR_RATE);
      double[] emgOut = new double[block];
      double[] eogOut = new double[block];
      for (int i = 0; i < n; i += block) {
        int len = Math.min(block, n - i);
        double[] in = len == block && block == n ? x[c] : Arrays.copyOfRange(x[c], i, i + len);
        f.process(in, emgOut, eogOut);
        System.arraycopy(emgOut, 0, y[c], i, len);
        System.arraycopy(eogOut, 0, y[x.length + c], i, len);
      }
    }
    return y;
  }

  private void time(String name, Map<String, Double> seconds, Map<String, double[][]> outputs,
      Supplier<double[][]> work) {
    double[][] result = work.get();
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < repeats; r++) {
      long t = System.nanoTime();
      result = work.get();
      best = Math.min(best, (System.nanoTime() - t) / 1e9);
    }
    seconds.merge(name, best, Math::min);
    outputs.put(name, result);
  }

  private static void line(PrintStream out, String what, double samples, double javaSeconds, Scipy scipy,
      String scipyCase, String diff) {
    double javaRate = samples / javaSeconds;
    Double py = scipy.seconds().get(scipyCase);
    if (py == null) {
      out.printf("  %-24s java %8.2f Msamples/s   scipy n/a%n", what, javaRate / 1e6);
      return;
    }
    double pyRate = samples / py;
    out.printf("  %-24s java %8.2f Msamples/s   scipy %8.2f Msamples/s   java/scipy %5.2f   %s%n", what,
        javaRate / 1e6, pyRate / 1e6, javaRate / pyRate, diff);
  }

  /** Largest |java - scipy| over the largest |scipy|, across the rows of one or two scipy outputs. */
  private static String diff(double[][] java, Scipy scipy, String first, String second) {
    if (!scipy.outputs().containsKey(first)) {
      return "";
    }
    double[] a = scipy.outputs().get(first);
    double[] b = second == null ? new double[0] : scipy.outputs().get(second);
    double[] expected = new double[a.length + b.length];
    System.arraycopy(a, 0, expected, 0, a.length);
    System.arraycopy(b, 0, expected, a.length, b.length);
    double maxDiff = 0;
    double scale = 0;
    int k = 0;
    for (double[] row : java) {
      for (double v : row) {
        if (k >= expected.length) {
          return "outputs differ in size";
        }
        maxDiff = Math.max(maxDiff, Math.abs(v - expected[k]));
        scale = Math.max(scale, Math.abs(expected[k]));
        k++;
      }
    }
    return k != expected.length ? "outputs differ in size" : String.format("max rel diff %.1e", maxDiff / scale);
  }

  /** Scipy's timings (seconds per case) and outputs, empty when it could not run. */
  private record Scipy(Map<String, Double> seconds, Map<String, double[]> outputs) {}

  private Scipy runScipy(double[][] ear, double[][] eifer, PrintStream out)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("mimik-bench-dsp");
    try {
      write(dir.resolve("ear.in"), ear);
      write(dir.resolve("eifer.in"), eifer);
      Path script = dir.resolve("dsp_bench.py");
      try (InputStream in = DspBenchmark.class.getResourceAsStream("dsp_bench.py")) {
        if (in == null) {
          throw new IllegalStateException("dsp_bench.py is missing from the class path");
        }
        Files.copy(in, script);
      }
      String python = python();
      if (python == null) {
        out.println("scipy: not run (no python3 with numpy and scipy; tried python3, /usr/bin/python3)");
        return new Scipy(Map.of(), Map.of());
      }
      Process p = new ProcessBuilder(python, script.toString(), dir.toString(), Integer.toString(ear[0].length),
          Integer.toString(eifer[0].length), Integer.toString(repeats)).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        out.println("scipy: not run (" + text.strip().lines().reduce((x, y) -> y).orElse("no output") + ")");
        return new Scipy(Map.of(), Map.of());
      }
      Map<String, Double> seconds = new HashMap<>();
      text.lines().map(l -> l.trim().split("\\s+")).filter(f -> f.length == 2)
          .forEach(f -> seconds.put(f[0], Double.parseDouble(f[1])));
      Map<String, double[]> outputs = new HashMap<>();
      for (String name : new String[] {"ear_causal_emg", "ear_causal_eog", "ear_zp_emg", "ear_zp_eog",
          "eifer_chain"}) {
        outputs.put(name, read(dir.resolve(name + ".out")));
      }
      return new Scipy(seconds, outputs);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** The first of {@code python3} on PATH and Debian's {@code /usr/bin/python3} that has numpy and scipy. */
  private static String python() throws InterruptedException {
    for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
      try {
        Process p = new ProcessBuilder(candidate, "-c", "import numpy, scipy.signal").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException e) {
        // not installed: try the next one
      }
    }
    return null;
  }

  /** Seeded synthetic biosignal-like data: drift, mains hum, bursts of broadband noise. */
  static double[][] synthetic(int channels, int n, double fs, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[channels][n];
    for (int c = 0; c < channels; c++) {
      double phase = r.nextDouble() * 2 * Math.PI;
      for (int i = 0; i < n; i++) {
        double t = i / fs;
        double burst = Math.sin(2 * Math.PI * 0.2 * t + phase) > 0.5 ? 40 : 5;
        x[c][i] = 100 * Math.sin(2 * Math.PI * 0.1 * t + phase) + 20 * Math.sin(2 * Math.PI * 50 * t)
            + burst * r.nextGaussian();
      }
    }
    return x;
  }

  /** The one-minute load average, which says how far to trust the figures on a shared machine. */
  private static String loadAverage() {
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format("%.1f", load);
  }

  private static void write(Path file, double[][] rows) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 * rows.length * rows[0].length).order(ByteOrder.LITTLE_ENDIAN);
    for (double[] row : rows) {
      b.asDoubleBuffer().put(row);
      b.position(b.position() + 8 * row.length);
    }
    Files.write(file, b.array());
  }

  private static double[] read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    double[] x = new double[b.capacity() / 8];
    b.asDoubleBuffer().get(x);
    return x;
  }
}
