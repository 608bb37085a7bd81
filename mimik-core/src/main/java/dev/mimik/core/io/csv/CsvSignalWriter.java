package dev.mimik.core.io.csv;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a regularly sampled signal as CSV ({@code time_s} then one column per channel, microvolts), the format
 * {@link CsvSignalReader} reads. Channels in V, mV or nV are converted; values are written in full precision.
 */
public final class CsvSignalWriter implements SignalWriter {

  @Override
  public String formatName() {
    return "CSV signals";
  }

  /**
   * @throws BadInputException if the channels differ in rate or length, a unit is not a voltage, or a sample is not finite
   */
  @Override
  public void write(Signal signal, Path file) throws IOException {
    if (!signal.hasUniformRate()) {
      throw new BadInputException(file, "CSV needs channels of one sampling rate");
    }
    int n = signal.channel(0).samples().length;
    double[] scale = new double[signal.channelCount()];
    for (int c = 0; c < scale.length; c++) {
      Channel ch = signal.channel(c);
      if (ch.samples().length != n) {
        throw new BadInputException(file, "CSV needs channels of one length; " + ch.name() + " differs");
      }
      if (ch.name().contains(",") || ch.name().isBlank()) {
        throw new BadInputException(file, "channel name \"" + ch.name() + "\" is empty or contains a comma");
      }
      scale[c] = ch.microvoltsPerUnit().orElseThrow(
          () -> new BadInputException(file, "channel " + ch.name() + " is in " + ch.unit() + ", not a voltage"));
    }
    double rate = signal.samplingRate();
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write("time_s");
      for (Channel ch : signal.channels()) {
        w.write(',');
        w.write(ch.name());
      }
      w.write('\n');
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < n; i++) {
        row.setLength(0);
        row.append(signal.startTimeSeconds() + i / rate);
        for (int c = 0; c < scale.length; c++) {
          double v = signal.channel(c).samples()[i] * scale[c];
          if (!Double.isFinite(v)) {
            throw new BadInputException(file, "channel " + signal.channel(c).name() + " sample " + i + " is " + v);
          }
          row.append(',').append(v);
        }
        w.append(row).append('\n');
      }
      w.flush();
    });
  }
}
