package dev.mimik.core.io.csv;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalReader;
import dev.mimik.core.io.TextTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads biosignals from CSV: a header row {@code time_s,NAME,...}, then one row per sample with the time in seconds
 * (increasing, evenly spaced) and one value per channel in microvolts.
 *
 * <p>The sampling rate is measured from the times: (rows - 1) / (last time - first time). Intervals more than 10 %
 * away from the mean are rejected, since a {@link Channel} is regularly sampled. Landmark and blendshape CSV files
 * (header {@code time_s,x0,...} or ARKit names) are not taken for signals.
 */
public final class CsvSignalReader implements SignalReader {

  /** Largest accepted relative deviation of one sample interval from the mean interval. */
  static final double MAX_JITTER = 0.1;

  @Override
  public String formatName() {
    return "CSV signals";
  }

  @Override
  public boolean recognises(Path file, byte[] head) {
    String first = TextTable.firstLine(head);
    return first.startsWith("time_s,") && !first.startsWith("time_s,x0,") && !BlendshapeCsv.recognises(file, head);
  }

  @Override
  public Signal read(Path file) throws IOException {
    TextTable table = TextTable.read(file);
    String[] header = table.cells(0);
    if (!header[0].equals("time_s")) {
      throw table.problem(0, "the header row must start with time_s");
    }
    if (header.length < 2) {
      throw table.problem(0, "no channel columns after time_s");
    }
    Set<String> seen = new HashSet<>();
    for (int c = 1; c < header.length; c++) {
      if (header[c].isEmpty()) {
        throw table.problem(0, "column " + (c + 1) + " has no name");
      }
      if (!seen.add(header[c])) {
        throw table.problem(0, "channel \"" + header[c] + "\" appears twice");
      }
    }
    TextTable.TimedRows<double[]> rows = table.timedRows(header.length, (line, cells) -> {
      double[] row = new double[header.length - 1];
      for (int c = 1; c < header.length; c++) {
        row[c - 1] = table.number(line, cells[c], header[c]);
      }
      return row;
    });
    double[] times = rows.times();
    int n = times.length;
    if (n < 2) {
      throw new BadInputException(file, "fewer than two samples: the sampling rate is unknown");
    }
    double[][] values = new double[header.length - 1][n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < values.length; c++) {
        values[c][i] = rows.rows().get(i)[c];
      }
    }
    double rate = rate(table, times);
    List<Channel> channels = new ArrayList<>();
    for (int c = 1; c < header.length; c++) {
      channels.add(new Channel(header[c], "uV", rate, values[c - 1]));
    }
    return new Signal(channels, times[0], Optional.empty(), List.of());
  }

  private static double rate(TextTable table, double[] times) {
    int n = times.length;
    double mean = (times[n - 1] - times[0]) / (n - 1);
    for (int i = 1; i < n; i++) {
      double step = times[i] - times[i - 1];
      if (Math.abs(step - mean) > MAX_JITTER * mean) {
        throw new BadInputException(table.file(), String.format(java.util.Locale.ROOT,
            "samples are not evenly spaced: interval %.6g s before time %s, mean %.6g s", step, times[i], mean));
      }
    }
    return 1 / mean;
  }
}
