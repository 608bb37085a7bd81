package dev.mimik.app;

import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.lab.eifer.EmgInputs;
import java.io.IOException;
import java.io.PrintWriter;
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

  /**
   * Pair {@code i}, read and paired ({@link EmgInputs#paired}); {@code names} picks the channels (null: all), the pop
   * detector's warnings go to {@code err}.
   */
  EmgInputs.Paired paired(int i, EmgChainOptions chain, List<String> names, boolean eog, boolean saccades,
      PrintWriter err) throws IOException {
    Path file = signals.get(i);
    return chain.inputs().paired(file, chain.read(file), blendshapes.get(i), BlendshapeCsv.read(blendshapes.get(i)),
        names, eog, saccades, w -> {
          err.println(w);
          err.flush();
        });
  }
}
