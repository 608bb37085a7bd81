package dev.mimik.app;

import dev.mimik.lab.eifer.EmgApplication;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    PrintWriter err = spec.commandLine().getErr();
    EmgApplication applied = EmgApplication.run(model, signals,
        new EmgApplication.Settings(chain.bipolar, chain.inputs(), linear, heatmap), out, w -> {
          err.println(w);
          err.flush();
        });
    PrintWriter o = spec.commandLine().getOut();
    if (applied.pops() != null) {
      o.printf(Locale.ROOT, "%d electrode pops found (artefacts.csv); %d of %d frames touch one on some channel%n",
          applied.pops().count(), applied.touched(), applied.frames());
    }
    o.printf(Locale.ROOT, "wrote %d frames to %s (blendshapes.csv, face.glb)%n", applied.frames(), out);
    o.flush();
    return 0;
  }
}
