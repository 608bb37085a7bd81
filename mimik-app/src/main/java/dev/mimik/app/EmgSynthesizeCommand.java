package dev.mimik.app;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.CsvSignalWriter;
import dev.mimik.lab.eifer.EiferHeatMap;
import dev.mimik.lab.eifer.EmgInputs;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.eifer.EiferModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik emg synthesize}: predicted muscle activity (envelopes) from an expression track. */
@Command(
    name = "synthesize",
    mixinStandardHelpOptions = true,
    description = {
      "Apply a model's expression->EMG map to a blendshape CSV: the predicted envelope of every channel.",
      "Writes the envelopes (uV, on the training recordings' mean resting level) as a signal CSV at the blendshapes' frames;",
      "--heatmap also draws the prediction at the expression's apex on the face (Fridlund channel names).",
      "",
      "Example: mimik emg synthesize --model eifer.zip --blendshapes smile.csv --out smile-emg.csv"
    })
public final class EmgSynthesizeCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--model", required = true, description = "model file from 'mimik emg train'")
  private Path model;

  @Option(names = "--blendshapes", required = true, description = "blendshape CSV (uniform frame rate)")
  private Path blendshapes;

  @Option(names = "--linear", description = "use the linear baseline instead of the network")
  private boolean linear;

  @Option(names = "--out", required = true, description = "envelope CSV to write")
  private Path out;

  @Option(names = "--heatmap", description = "PNG to write: the predicted activity at the frame whose blendshapes sum"
      + " highest, on the face at the Fridlund electrode sites")
  private Path heatmap;

  @Override
  public Integer call() throws Exception {
    EiferModel m = EiferModelFile.read(model);
    BlendshapeTrack track = EmgInputs.shapes(blendshapes, BlendshapeCsv.read(blendshapes), m.blendshapes());
    double[] t = track.timesSeconds();
    double rate = (t.length - 1) / (t[t.length - 1] - t[0]);
    double[][] env = m.emg(track.weights(), linear);
    List<Channel> channels = new ArrayList<>();
    for (int c = 0; c < m.channels().size(); c++) {
      double[] v = new double[env.length];
      for (int f = 0; f < v.length; f++) {
        v[f] = env[f][c];
      }
      channels.add(new Channel(m.channels().get(c), "uV", rate, v));
    }
    Signal s = new Signal(channels, t[0], java.util.Optional.empty(), List.of());
    byte[] png = heatmap == null ? null : apexPicture(m.channels(), track, env);
    new CsvSignalWriter().write(s, out);
    if (png != null) {
      AtomicFiles.write(heatmap, o -> o.write(png));
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d frames of %d channels to %s%n", env.length,
        channels.size(), out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** The heat map of the predicted envelopes at the frame whose blendshapes sum highest. */
  private byte[] apexPicture(List<String> channels, BlendshapeTrack track, double[][] env) throws IOException {
    int apex = EiferHeatMap.strongestFrame(track.weights());
    return EiferHeatMap.png(model, channels, track.weights()[apex], env[apex], String.format(Locale.ROOT,
        "Exp2EMG at %.2f s", track.timesSeconds()[apex]));
  }
}
