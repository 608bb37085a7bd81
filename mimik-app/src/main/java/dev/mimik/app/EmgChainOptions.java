package dev.mimik.app;

import dev.mimik.core.data.Signal;
import dev.mimik.core.io.TextTable;
import dev.mimik.signal.reference.BipolarPairs;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How {@code mimik emg} commands read a recording and turn it into envelopes: shared by {@code train}, {@code apply}
 * and {@code eval}.
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

  /**
   * The recording in {@code signals} ({@link EmgRecordings#read}), its electrodes paired into bipolar leads
   * when {@code --bipolar} names a pairs file.
   */
  Signal read(Path signals) throws IOException {
    BipolarPairs pairs = bipolar == null ? null : BipolarPairs.parse(TextTable.read(bipolar));
    Signal s = EmgRecordings.read(signals);
    return pairs == null ? s : pairs.apply(signals, s);
  }

  /** The envelopes of recording {@code raw}, read from {@code signals}, under these options. */
  Signal envelopes(Path signals, Signal raw) {
    return EmgRecordings.envelopes(signals, raw, preset, firTaps);
  }

  /**
   * The EOG band of a recording on the envelopes' frames ({@link dev.mimik.signal.preset.EiferChain#eogBand}); needs
   * {@code --preset eifer}, since envelopes carry no EOG.
   */
  Signal eogBand(Path signals, Signal raw) {
    needRaw(signals);
    return EmgRecordings.eogBand(signals, raw, firTaps);
  }

  /**
   * The saccade integral of a recording on the envelopes' frames
   * ({@link dev.mimik.signal.preset.EiferChain#saccadeIntegral}); needs {@code --preset eifer}.
   */
  Signal saccadeIntegral(Path signals, Signal raw) {
    needRaw(signals);
    return EmgRecordings.saccadeIntegral(signals, raw, firTaps);
  }

  private void needRaw(Path signals) {
    if (!"eifer".equals(preset)) {
      throw new dev.mimik.core.io.BadInputException(signals, "the EOG inputs need the raw signals (--preset eifer);"
          + " give --no-eog-band --no-saccade-integral, or a model trained without them, for envelopes");
    }
  }
}
