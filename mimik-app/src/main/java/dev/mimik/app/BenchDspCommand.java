package dev.mimik.app;

import dev.mimik.signal.bench.DspBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mimik bench dsp}: throughput of the filter chains, against scipy on the same data when available. */
@Command(
    name = "dsp",
    mixinStandardHelpOptions = true,
    description = {
      "Times the earpiece chain (2 ch at 1 kHz: EMG band, EOG band, 50 Hz notches; causal and zero-phase) and"
          + " the EIFER chain (22 ch at 4096 Hz), and the same work in scipy via python3 when it is installed."
    },
    footer = {"", "Example:", "  mimik bench dsp --earpiece-seconds 600 --eifer-seconds 60"})
final class BenchDspCommand implements Callable<Integer> {

  @Option(names = "--earpiece-seconds", defaultValue = "300", description = "Earpiece recording length (default: ${DEFAULT-VALUE}).")
  double earpieceSeconds;

  @Option(names = "--eifer-seconds", defaultValue = "30", description = "EIFER recording length (default: ${DEFAULT-VALUE}).")
  double eiferSeconds;

  @Option(names = "--repeats", defaultValue = "5", description = "Timed runs per case, best counts (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!(earpieceSeconds >= 1 && eiferSeconds >= 1 && repeats >= 1)) {
      throw new ParameterException(spec.commandLine(), "lengths must be at least 1 s and --repeats at least 1");
    }
    new DspBenchmark(earpieceSeconds, eiferSeconds, repeats).run(System.out);
    return 0;
  }
}
