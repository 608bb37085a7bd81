package dev.mimik.app;

import dev.mimik.core.data.Signal;
import dev.mimik.lab.eifer.EmgInputs;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How {@code mimik emg} commands read a recording and turn it into envelopes ({@link EmgInputs}): shared by
 * {@code train}, {@code apply} and {@code eval}.
 */
final class EmgChainOptions {

  @Option(names = "--bipolar", paramLabel = "PAIRS.csv",
      description = "derive bipolar leads from electrodes recorded against a common reference: a CSV with the header"
          + " channel,plus,minus, one lead per line (lead = plus - minus); the recording's other channels are left"
          + " out. Give the same file to train, apply and eval")
  Path bipolar;

  @Option(names = "--preset", defaultValue = "none",
      description = "eifer (raw sEMG through EIFER's chain) or none (envelopes already) (default ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--fir-taps", defaultValue = "0",
      description = "with --preset eifer: FIR band-pass length at the file's rate; 0 is 513 taps at 4096 Hz in duration,"
          + " which blocks baseline wander; 129 at 4096 Hz is EIFER's literal chain, which passes it"
          + " (default ${DEFAULT-VALUE})")
  int firTaps;

  /** The chain these options describe. */
  EmgInputs inputs() {
    return new EmgInputs(preset, firTaps);
  }

  /**
   * The recording in {@code signals}, refused when its channels differ in rate or hold a value that is not a number,
   * its electrodes paired into bipolar leads when {@code --bipolar} names a pairs file.
   */
  Signal read(Path signals) throws IOException {
    return EmgInputs.read(signals, bipolar);
  }

}
