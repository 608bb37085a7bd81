package dev.mimik.app;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkFormats;
import dev.mimik.core.io.LandmarkReader;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.core.io.SignalReader;
import dev.mimik.core.io.csv.BlendshapeCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mimik inspect FILE}: says what a file holds, recognised by content: for biosignals the format, each
 * channel's name, unit, rate, samples and duration, and the annotation count; for landmarks the frames, points,
 * missing frames and frame rate; for blendshapes the frames and shape names.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "What a file holds: format, channels, rates, duration, landmark or blendshape counts.")
public final class InspectCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "a biosignal, landmark or blendshape file")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Optional<SignalReader> signalReader = SignalFormats.standard().readerFor(file);
    Optional<LandmarkReader> landmarkReader = LandmarkFormats.standard().readerFor(file);
    if (signalReader.isPresent()) {
      printSignal(out, signalReader.get().formatName(), signalReader.get().read(file));
    } else if (landmarkReader.isPresent()) {
      printLandmarks(out, landmarkReader.get().formatName(), landmarkReader.get().read(file));
    } else if (BlendshapeCsv.recognises(file, head(file))) {
      printBlendshapes(out, BlendshapeCsv.read(file));
    } else {
      throw new BadInputException(file, "unknown format (not a biosignal, landmark or blendshape file mimik reads)");
    }
    out.flush();
    return 0;
  }

  private void printSignal(PrintWriter out, String format, Signal s) {
    out.println("file: " + file);
    out.println("format: " + format);
    out.printf(Locale.ROOT, "start: %.6f s%n", s.startTimeSeconds());
    s.startDateTime().ifPresent(t -> out.println("start date: " + t));
    out.printf(Locale.ROOT, "duration: %.3f s%n", s.durationSeconds());
    out.println("channels: " + s.channelCount());
    out.printf(Locale.ROOT, "  %-24s %-8s %12s %10s %12s%n", "name", "unit", "rate_hz", "samples", "duration_s");
    for (Channel c : s.channels()) {
      out.printf(Locale.ROOT, "  %-24s %-8s %12.6g %10d %12.3f%n", c.name(), c.unit().isEmpty() ? "-" : c.unit(),
          c.samplingRate(), c.samples().length, c.durationSeconds());
    }
    out.println("annotations: " + s.annotations().size());
  }

  private void printLandmarks(PrintWriter out, String format, LandmarkTrack t) {
    out.println("file: " + file);
    out.println("format: " + format);
    out.println("frames: " + t.frameCount());
    out.println("points: " + t.pointCount());
    out.println("missing frames: " + t.missingCount());
    printTimes(out, t.timesSeconds());
  }

  private void printBlendshapes(PrintWriter out, BlendshapeTrack t) {
    out.println("file: " + file);
    out.println("format: blendshape CSV");
    out.println("frames: " + t.frameCount());
    out.println("blendshapes: " + t.names().size());
    out.println("names: " + String.join(", ", t.names()));
    printTimes(out, t.timesSeconds());
  }

  private static void printTimes(PrintWriter out, double[] times) {
    int n = times.length;
    out.printf(Locale.ROOT, "time: %.3f .. %.3f s%n", times[0], times[n - 1]);
    if (n > 1) {
      out.printf(Locale.ROOT, "frame rate: %.3f fps (mean)%n", (n - 1) / (times[n - 1] - times[0]));
    }
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(4096);
    }
  }
}
