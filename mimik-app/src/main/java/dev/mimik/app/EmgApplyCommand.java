package dev.mimik.app;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.face.gltf.GltfAnimationWriter;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.eifer.EiferModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
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
      "Apply a model's EMG->expression map to a recording; writes blendshapes.csv and face.glb (the embedded rig",
      "animated) into --out. A model trained with the EOG band or saccade integral takes them from the same raw",
      "signals (--preset eifer).",
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

  @Override
  public Integer call() throws Exception {
    EiferModel m = EiferModelFile.read(model);
    Signal env = chain.envelopes(signals);
    if (Math.abs(env.samplingRate() - m.frameRate()) > 1e-6) {
      throw new BadInputException(signals, "envelopes at " + env.samplingRate() + " Hz, the model's at "
          + m.frameRate() + " Hz");
    }
    double[][] eog = m.eogBand() ? EmgRecordings.rows(signals, chain.eogBand(signals), m.channels()) : null;
    double[][] sac = m.saccadeIntegral()
        ? EmgRecordings.rows(signals, chain.saccadeIntegral(signals), m.channels()) : null;
    double[][] w = m.expression(EmgRecordings.rows(signals, env, m.channels()), eog, sac, linear);
    BlendshapeTrack track = new BlendshapeTrack(EmgRecordings.frameTimes(env), m.blendshapes(), w);
    byte[] glb = new GltfAnimationWriter().toGlb(EmbeddedRig.load(), track);
    Files.createDirectories(out);
    BlendshapeCsv.write(track, out.resolve("blendshapes.csv"));
    dev.mimik.core.io.AtomicFiles.write(out.resolve("face.glb"), o -> o.write(glb));
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d frames to %s (blendshapes.csv, face.glb)%n",
        track.frameCount(), out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
