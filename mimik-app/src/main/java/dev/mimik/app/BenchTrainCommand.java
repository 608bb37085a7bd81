package dev.mimik.app;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.TrainingData;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.engine.TorchEngine;
import dev.mimik.learn.train.TorchBioNet;
import dev.mimik.learn.train.TrainingBenchmark;
import dev.mimik.learn.train.TrainingOptions;
import dev.mimik.signal.RunningMedian;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mimik bench train}: BioNet's training and batch-1 inference speed with one and with two intra-op threads
 * ({@link TrainingBenchmark}), on the training data of a simulated earpiece session, beside the same network trained
 * in PyTorch on the same data ({@link TorchBioNet}) when the interpreter has torch. The two sides run in turn over
 * several repeats, and the medians decide, so that other work on the machine in one run does not.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Times BioNet's training (seconds per epoch) and batch-1 inference with one and with two intra-op threads.",
      "Simulates an earpiece session and trains the default network on its windows, then the same network in"
          + " PyTorch (Python) on the same windows, batch size, threads and memory allocator, in turn over several"
          + " repeats, and prints each repeat's figures and ratio and their medians. CPU time is the fair figure"
          + " when other work loads the machine.",
      "",
      "Example: mimik bench train --minutes 5 --epochs 3 --repeats 3"
    })
final class BenchTrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--minutes", defaultValue = "5", description = "length of the simulated session (default ${DEFAULT-VALUE})")
  double minutes;

  @Option(names = "--epochs", defaultValue = "3", description = "epochs per run; the first is left out and the"
      + " median of the others taken (default ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--repeats", defaultValue = "3", description = "runs of each side per thread count, in turn"
      + " (mimik then PyTorch, then PyTorch then mimik, ...); the medians over them decide (default ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--threads", defaultValue = "0",
      description = "intra-op threads: 0 times 1 and then 2 (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the simulation and training (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--python", description = "Python interpreter with torch for PyTorch's figures (default: "
      + "/usr/bin/python3 where it exists, Debian's python3-torch installs there; otherwise python3)")
  String python;

  @Override
  public Integer call() throws Exception {
    if (epochs < 1 || repeats < 1 || threads < 0) {
      throw new ParameterException(spec.commandLine(),
          "--epochs and --repeats must be positive and --threads 0 or more");
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (SimulatedSessionFiles simulated = new SimulatedSessionFiles(minutes, seed, err)) {
      FrontEnd frontEnd = ModelTraining.frontEndFor(List.of(simulated.session()), 30);
      TrainingData data = TrainingData.build(List.of(simulated.session()), frontEnd, LandmarkSet.IBUG_51, null,
          err::println);
      BioNetConfig config = BioNetConfig.defaults(frontEnd.inputCount(), frontEnd.windowSamples(),
          LandmarkSet.IBUG_51);
      TrainingOptions options = ModelTraining.withWindowGap(TrainingOptions.defaults().withEpochs(epochs)
          .withSeed(seed), frontEnd);
      TrainingBenchmark bench = new TrainingBenchmark(config, options);
      TorchBioNet torch = new TorchBioNet(python != null ? python : TorchBioNet.defaultPython());
      Optional<String> noTorch = torch.unavailable();
      o.printf(Locale.ROOT, "mimik bench train: BioNet on %d windows of %d x %d features, batch %d, %d epochs per"
          + " run (the first left out, the median of the others), %d repeats per thread count with the sides in"
          + " turn; load average %s%n", data.size(), frontEnd.inputCount(), frontEnd.windowSamples(),
          options.batchSize(), epochs, repeats, loadAverage());
      o.println(noTorch.map(why -> "PyTorch: not run: " + why)
          .orElse("PyTorch: the same network, data, batch size and threads via " + torch.python()));
      o.println("threads  repeat  mimik s/epoch wall  CPU   PyTorch wall  CPU   mimik/PyTorch wall  CPU"
          + "   predict p50 ms  p99 ms");
      TorchBioNet.Run lastTorch = null;
      for (int t : threads > 0 ? List.of(threads) : List.of(1, 2)) {
        double[][] rows = new double[repeats][];
        for (int r = 0; r < repeats; r++) {
          TorchBioNet.Run py = null;
          if (noTorch.isEmpty() && r % 2 == 1) {
            py = torch.train(config, options, data.windows(), data.targets(), t);
          }
          TrainingBenchmark.Result m = bench.run(data.windows(), data.targets(), t);
          if (noTorch.isEmpty() && r % 2 == 0) {
            py = torch.train(config, options, data.windows(), data.targets(), t);
          }
          lastTorch = py != null ? py : lastTorch;
          rows[r] = new double[] {m.secondsPerEpoch(), m.cpuSecondsPerEpoch(),
              py == null ? Double.NaN : py.secondsPerEpoch(), py == null ? Double.NaN : py.cpuSecondsPerEpoch(),
              py == null ? Double.NaN : m.secondsPerEpoch() / py.secondsPerEpoch(),
              py == null ? Double.NaN : m.cpuSecondsPerEpoch() / py.cpuSecondsPerEpoch(),
              m.predictionMillis(0.5), m.predictionMillis(0.99)};
          printRow(o, t, Integer.toString(r + 1), rows[r]);
        }
        double[] medians = new double[rows[0].length];
        for (int c = 0; c < medians.length; c++) {
          int column = c;
          medians[c] = RunningMedian.median(Arrays.stream(rows).mapToDouble(row -> row[column]).toArray(), repeats);
        }
        printRow(o, t, "median", medians);
      }
      o.println("allocator: mimik " + TorchEngine.allocator()
          + (lastTorch == null ? "" : ", PyTorch " + lastTorch.allocator())
          + " (MIMIK_MALLOC=/path/to/libjemalloc.so.2 has the mimik launcher preload another, for both sides)");
      if (lastTorch != null) {
        o.println("PyTorch was torch " + lastTorch.torchVersion() + "; a ratio above 1 means mimik is slower");
      }
    }
    return 0;
  }

  /**
   * One row: mimik's wall and CPU seconds per epoch, PyTorch's, their ratios (NaN where PyTorch did not run, printed
   * n/a) and the prediction percentiles.
   */
  private static void printRow(PrintWriter o, int threads, String repeat, double[] v) {
    o.printf(Locale.ROOT, "%7d  %6s  %18.2f %5.2f   %s   %s   %14.3f  %6.3f%n", threads, repeat, v[0], v[1],
        Double.isNaN(v[2]) ? "         n/a   n/a" : String.format(Locale.ROOT, "%12.2f %5.2f", v[2], v[3]),
        Double.isNaN(v[4]) ? "               n/a   n/a" : String.format(Locale.ROOT, "%18.2f %5.2f", v[4], v[5]),
        v[6], v[7]);
    o.flush();
  }

  /** The one-minute load average, which says how far to trust wall times on a shared machine. */
  private static String loadAverage() {
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
  }
}
