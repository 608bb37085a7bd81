package dev.mimik.app;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.face.gltf.GltfAnimationWriter;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.lab.eifer.EiferHeatMap;
import dev.mimik.lab.eifer.EmgInputs;
import dev.mimik.learn.eifer.EiferModelFile;
import dev.mimik.signal.artefact.Artefact;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik emg apply}: expression from muscle activity, as blendshapes and an animated face. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Apply a model's EMG->expression map to a recording: blendshapes.csv and an animated face.glb.",
      "Writes both into --out (face.glb animates the embedded rig). A model trained with the EOG band or saccade integral takes them from the same raw",
      "signals (--preset eifer), which also gives artefacts.csv: the electrode pops found in them, per channel;",
      "--heatmap draws the measured envelopes at the frame of strongest activity on the face it reconstructs.",
      "",
      "Example: mimik emg apply --model eifer.zip --signals p3.bdf --preset eifer --out p3-face"
    })
public final class EmgApplyCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--model", required = true, description = "model file from 'mimik emg train'")
  private Path model;

  @Option(names = "--signals", required = true, description = "signal file")
  private Path signals;

  @Mixin private EmgChainOptions chain;

  @Option(names = "--linear", description = "use the linear baseline instead of the network")
  private boolean linear;

  @Option(names = "--out", required = true, description = "output folder (created)")
  private Path out;

  @Option(names = "--heatmap", description = "also write muscle-heatmap.png: the envelopes at the frame where they sum"
      + " highest, on the face EMG2Exp reconstructs there, at the Fridlund electrode sites")
  private boolean heatmap;

  @Override
  public Integer call() throws Exception {
    EiferModel m = EiferModelFile.read(model);
    Signal raw = chain.read(signals);
    EmgInputs inputs = chain.inputs();
    Signal env = inputs.envelopes(signals, raw);
    if (Math.abs(env.samplingRate() - m.frameRate()) > 1e-6) {
      throw new BadInputException(signals, "envelopes at " + env.samplingRate() + " Hz, the model's at "
          + m.frameRate() + " Hz");
    }
    double[][] eog = m.eogBand() ? EmgInputs.rows(signals, inputs.eogBand(signals, raw), m.channels()) : null;
    double[][] sac = m.saccadeIntegral()
        ? EmgInputs.rows(signals, inputs.saccadeIntegral(signals, raw), m.channels()) : null;
    double[][] rows = EmgInputs.rows(signals, env, m.channels());
    PrintWriter err = spec.commandLine().getErr();
    EmgInputs.Pops pops = inputs.raw() ? inputs.pops(signals, raw, m.channels(), rows.length, w -> {
      err.println(w);
      err.flush();
    }) : null;
    double[][] w = m.expression(rows, eog, sac, pops == null ? null : pops.clean(), linear);
    BlendshapeTrack track = new BlendshapeTrack(EmgInputs.frameTimes(env), m.blendshapes(), w);
    byte[] glb = new GltfAnimationWriter().toGlb(EmbeddedRig.load(), track);
    int strongest = EiferHeatMap.strongestFrame(rows);
    byte[] png = !heatmap ? null : EiferHeatMap.png(model, m.channels(), w[strongest], rows[strongest],
        String.format(Locale.ROOT, "measured at %.2f s", track.timesSeconds()[strongest]));
    Files.createDirectories(out);
    if (png != null) {
      AtomicFiles.write(out.resolve("muscle-heatmap.png"), o -> o.write(png));
    }
    BlendshapeCsv.write(track, out.resolve("blendshapes.csv"));
    AtomicFiles.write(out.resolve("face.glb"), o -> o.write(glb));
    PrintWriter o = spec.commandLine().getOut();
    if (pops != null) {
      AtomicFiles.writeString(out.resolve("artefacts.csv"), artefactsCsv(m.channels(), pops, env.startTimeSeconds()));
      long touched = IntStream.range(0, track.frameCount()).filter(f -> !pops.cleanAt(f)).count();
      o.printf(Locale.ROOT, "%d electrode pops found (artefacts.csv); %d of %d frames touch one on some channel%n",
          pops.count(), touched, track.frameCount());
    }
    o.printf(Locale.ROOT, "wrote %d frames to %s (blendshapes.csv, face.glb)%n", track.frameCount(), out);
    o.flush();
    return 0;
  }

  /** One row per pop: channel, start and end on the recording's clock, seconds. */
  private static String artefactsCsv(List<String> channels, EmgInputs.Pops pops, double start) {
    StringBuilder b = new StringBuilder("channel,start_s,end_s\n");
    for (int c = 0; c < channels.size(); c++) {
      for (Artefact a : pops.perChannel().get(c)) {
        b.append(String.format(Locale.ROOT, "%s,%.4f,%.4f\n", channels.get(c), start + a.startSeconds(),
            start + a.endSeconds()));
      }
    }
    return b.toString();
  }
}
