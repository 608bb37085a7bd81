package dev.mimik.app;

import dev.mimik.core.io.BadInputException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Signal files paired in order with blendshape CSV files: the input of {@code mimik emg train} and {@code eval}. */
final class EmgPairedFiles {

  @Option(names = "--signals", required = true, split = ",", description = "signal files, comma separated")
  List<Path> signals;

  @Option(names = "--blendshapes", required = true, split = ",", description = "blendshape CSV files, one per signal file")
  List<Path> blendshapes;

  /** The number of pairs; refuses lists of different lengths. */
  int count() {
    if (signals.size() != blendshapes.size()) {
      throw new BadInputException("need one --blendshapes file per --signals file, got " + signals.size() + " and "
          + blendshapes.size());
    }
    return signals.size();
  }
}
