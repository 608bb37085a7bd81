package dev.mimik.app;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.TrainingData;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.train.TorchBioNet;
import dev.mimik.learn.train.TrainingBenchmark;
import dev.mimik.learn.train.TrainingOptions;
import java.io.PrintWriter;
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
 * in PyTorch on the same data ({@link TorchBioNet}) when the interpreter has torch.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Times BioNet's training (seconds per epoch) and batch-1 inference with one and with two intra-op threads.",
      "Simulates an earpiece session and trains the default network on its windows, then the same network in"
          + " PyTorch (Python) on the same windows, batch size and threads, and prints the ratio. CPU time is the"
          + " fair figure when other work loads the machine.",
      "",
      "Example: mimik bench train --minutes 5 --epochs 3"
    })
final class BenchTrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--minutes", defaultValue = "5", description = "length of the simulated session (default ${DEFAULT-VALUE})")
  double minutes;

  @Option(names = "--epochs", defaultValue = "3", description = "epochs timed per thread count; the first is left"
      + " out of the mean (default ${DEFAULT-VALUE})")
  int epochs;

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
    if (epochs < 1 || threads < 0) {
      throw new ParameterException(spec.commandLine(), "--epochs must be positive and --threads 0 or more");
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
          + " thread count, the first left out; load average %s%n", data.size(), frontEnd.inputCount(),
          frontEnd.windowSamples(), options.batchSize(), epochs, loadAverage());
      o.println(noTorch.map(why -> "PyTorch: not run: " + why)
          .orElse("PyTorch: the same network, data, batch size and threads via " + torch.python()));
      o.println("threads  mimik s/epoch wall  CPU   PyTorch wall  CPU   mimik/PyTorch wall  CPU   predict p50 ms"
          + "  p99 ms");
      String torchVersion = null;
      for (int t : threads > 0 ? List.of(threads) : List.of(1, 2)) {
        TrainingBenchmark.Result r = bench.run(data.windows(), data.targets(), t);
        TorchBioNet.Run py = noTorch.isEmpty()
            ? torch.train(config, options, data.windows(), data.targets(), t) : null;
        torchVersion = py == null ? null : py.torchVersion();
        o.printf(Locale.ROOT, "%7d  %18.2f %5.2f   %s   %s   %14.3f  %6.3f%n", t, r.secondsPerEpoch(),
            r.cpuSecondsPerEpoch(),
            py == null ? "         n/a   n/a" : String.format(Locale.ROOT, "%12.2f %5.2f", py.secondsPerEpoch(),
                py.cpuSecondsPerEpoch()),
            py == null ? "               n/a   n/a" : String.format(Locale.ROOT, "%18.2f %5.2f",
                r.secondsPerEpoch() / py.secondsPerEpoch(), r.cpuSecondsPerEpoch() / py.cpuSecondsPerEpoch()),
            r.predictionMillis(0.5), r.predictionMillis(0.99));
        o.flush();
      }
      if (torchVersion != null) {
        o.println("PyTorch was torch " + torchVersion + "; a ratio above 1 means mimik is slower");
      }
    }
    return 0;
  }

  /** The one-minute load average, which says how far to trust wall times on a shared machine. */
  private static String loadAverage() {
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
  }
}
