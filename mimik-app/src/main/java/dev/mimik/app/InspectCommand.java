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
import dev.mimik.core.io.xdf.XdfReader;
import dev.mimik.core.io.xdf.XdfStreamInfo;
import dev.mimik.face.io.GltfRigReader;
import dev.mimik.face.io.RigSummary;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.eifer.DenseMap;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.bundle.BioModelBundle;
import dev.mimik.learn.bundle.ModelManifest;
import dev.mimik.learn.eifer.EiferModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mimik inspect FILE}: says what a file holds, recognised by content: for biosignals the format, each
 * channel's name, unit, rate, samples and duration, and the annotation count (for XDF also each stream: name, type,
 * channels, rate, format, samples, clock offsets); for landmarks the frames, points, missing frames and frame rate;
 * for blendshapes the frames and shape names; for a glTF face rig its mesh, morph targets with their ARKit names,
 * landmarks and eyes; for model files what they take and give.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"What a file holds: biosignals (EDF/BDF, OpenBCI, XDF with its streams, CSV), landmarks,",
      "blendshapes, glTF face rigs, tracking models (.mimik) and EIFER models (.zip).",
      "",
      "Example: mimik inspect session1.xdf"})
public final class InspectCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE",
      description = "a biosignal, landmark, blendshape, face rig or model file")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Optional<SignalReader> signalReader = SignalFormats.standard().readerFor(file);
    Optional<LandmarkReader> landmarkReader = LandmarkFormats.standard().readerFor(file);
    byte[] head = head(file);
    if (signalReader.isPresent()) {
      printSignal(out, signalReader.get().formatName(), signalReader.get().read(file));
      if (signalReader.get() instanceof XdfReader) {
        printStreams(out, XdfReader.streams(file));
      }
    } else if (landmarkReader.isPresent()) {
      printLandmarks(out, landmarkReader.get().formatName(), landmarkReader.get().read(file));
    } else if (BlendshapeCsv.recognises(file, head)) {
      printBlendshapes(out, BlendshapeCsv.read(file));
    } else if (isGltf(head)) {
      printRig(out, RigSummary.of(new GltfRigReader().read(file)));
    } else if (ModelManifest.isZip(head)) {
      String format = ModelManifest.format(file).orElse("");
      if (format.equals(BioModelBundle.FORMAT)) {
        try (TrackingModel model = TrackingModel.load(file)) {
          printTrackingModel(out, model);
        }
      } else if (format.equals(EiferModelFile.FORMAT)) {
        printEifer(out, EiferModelFile.read(file));
      } else {
        throw new BadInputException(file, "a zip, but not a mimik model file (its manifest.json names "
            + (format.isEmpty() ? "no format" : "the format '" + format + "'") + ")");
      }
    } else {
      throw new BadInputException(file, "unknown format (not a biosignal, landmark, blendshape, face rig or model"
          + " file mimik reads)");
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

  private static void printStreams(PrintWriter out, List<XdfStreamInfo> streams) {
    out.println("streams: " + streams.size());
    out.printf(Locale.ROOT, "  %-10s %-24s %-14s %8s %10s %-8s %8s %13s%n", "id", "name", "type", "channels",
        "rate_hz", "format", "samples", "clock_offsets");
    for (XdfStreamInfo s : streams) {
      out.printf(Locale.ROOT, "  %-10d %-24s %-14s %8d %10s %-8s %8d %13d%n", s.id(), s.name(),
          s.type().isEmpty() ? "-" : s.type(), s.channelCount(), num(s.nominalRate()), s.channelFormat(), s.samples(),
          s.clockOffsets());
    }
  }

  private void printRig(PrintWriter out, RigSummary r) {
    out.println("file: " + file);
    out.println("format: glTF 2.0 face rig");
    out.println("vertices: " + r.vertices());
    out.println("triangles: " + r.triangles());
    out.printf(Locale.ROOT, "size: %.1f x %.1f x %.1f mm (width, height, depth; %s mm per unit)%n", r.sizeMm()[0],
        r.sizeMm()[1], r.sizeMm()[2], num(r.millimetresPerUnit()));
    out.println("identity modes: " + r.identityModes());
    out.println("landmarks: " + (r.landmarks() == 0 ? "none" : r.landmarks() + " vertices (iBUG order)"));
    out.println("eyes: " + (r.leftEye() == null && r.rightEye() == null ? "none"
        : "left " + eye(r.leftEye()) + "; right " + eye(r.rightEye())));
    out.println("morph targets: " + r.targets().size());
    out.printf(Locale.ROOT, "  %-28s %s%n", "target", "arkit");
    for (RigSummary.Target t : r.targets()) {
      out.printf(Locale.ROOT, "  %-28s %s%n", t.name(), t.arkit() == null ? "- (drives no ARKit shape)" : t.arkit());
    }
    out.println("ARKit shapes without a target: " + r.missingArkit().size()
        + (r.missingArkit().isEmpty() ? "" : " (" + String.join(", ", r.missingArkit()) + ")"));
  }

  private static String eye(RigSummary.Eye e) {
    return e == null ? "none" : String.format(Locale.ROOT, "%d vertices, radius %.1f mm", e.vertices(), e.radiusMm());
  }

  private void printTrackingModel(PrintWriter out, TrackingModel m) {
    FrontEnd fe = m.frontEnd();
    BioNetConfig net = m.network().config();
    out.println("file: " + file);
    out.println("format: mimik tracking model (" + BioModelBundle.FORMAT + ")");
    out.println("landmarks: " + m.landmarkFrame().set() + " (" + m.landmarkFrame().set().size() + " points)");
    out.println("channels: " + fe.channels().size() + " (" + String.join(", ", fe.channels()) + ")");
    out.println("sampling rate: " + num(fe.samplingRateHz()) + " Hz");
    out.printf(Locale.ROOT, "bands: EMG %s-%s Hz (RMS envelope over %.3f s), EOG %s-%s Hz, mains notch %s%n",
        num(fe.emgLowHz()), num(fe.emgHighHz()), fe.envelopeSeconds(), num(fe.eogLowHz()), num(fe.eogHighHz()),
        fe.mainsHz() > 0 ? num(fe.mainsHz()) + " Hz" : "none");
    out.printf(Locale.ROOT, "EMG envelopes per channel: %d%s; inputs %s%n", fe.emgSubBands(),
        fe.emgSubBands() > 1 ? " (log-spaced sub-bands)" : " (the whole band)",
        fe.sessionNormalised() ? "z-scored per recording" : "as they are");
    out.printf(Locale.ROOT, "window: %.3f s = %d feature samples at %s Hz (decimation %d), %d inputs%n",
        fe.windowSeconds(), fe.windowSamples(), num(fe.featureRateHz()), fe.decimation(), fe.inputCount());
    out.println("frame rate: " + num(fe.fps()) + " fps");
    out.println("network: BioNet, branch channels " + java.util.Arrays.toString(net.branchChannels()) + ", kernels "
        + java.util.Arrays.toString(net.kernelSizes()) + ", pooling " + net.poolSize() + ", " + net.hidden()
        + " hidden units, dropout " + net.dropout());
    out.println("blink detector: " + m.blinks().map(b -> b.describe())
        .orElse("none (the training camera saw too few blinks; the eyes follow the tracked landmarks)"));
  }

  private void printEifer(PrintWriter out, EiferModel m) {
    out.println("file: " + file);
    out.println("format: EIFER model (" + EiferModelFile.FORMAT + ")");
    out.println("channels: " + m.channels().size() + " (" + String.join(", ", m.channels()) + ")");
    out.println("blendshapes: " + m.blendshapes().size() + " (" + String.join(", ", m.blendshapes()) + ")");
    out.println("frame rate: " + num(m.frameRate()) + " fps");
    out.printf(Locale.ROOT, "window: %d frames (%.3f s, centred)%n", m.window(), m.window() / m.frameRate());
    String extra = (m.eogBand() ? " + EOG band" : "") + (m.saccadeIntegral() ? m.saccadeAxes() != null
        ? " + saccade integral (" + m.saccadeAxes().length + " principal components)" : " + saccade integral" : "");
    out.println("EMG2Exp inputs: " + m.emg2exp().inputs() + " (envelopes over the window" + extra + "), layers "
        + layers(m.emg2exp()));
    out.println("Exp2EMG inputs: " + m.exp2emg().inputs() + " (blendshapes over the window), layers "
        + layers(m.exp2emg()));
  }

  /** A number as short as it is exact to six digits: 250, 0.1, 4096, 33.3333. */
  private static String num(double x) {
    return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** A map's layer widths, inputs first: {@code 6 -> 32 -> 2}. */
  private static String layers(DenseMap map) {
    StringBuilder b = new StringBuilder().append(map.inputs());
    map.biases().forEach(layer -> b.append(" -> ").append(layer.length));
    return b.toString();
  }

  /** A glTF binary ({@code glTF} magic) or a glTF JSON file (an object with an {@code asset}). */
  private static boolean isGltf(byte[] head) {
    if (head.length >= 4 && head[0] == 'g' && head[1] == 'l' && head[2] == 'T' && head[3] == 'F') {
      return true;
    }
    String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
    return text.startsWith("{") && text.contains("\"asset\"");
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
