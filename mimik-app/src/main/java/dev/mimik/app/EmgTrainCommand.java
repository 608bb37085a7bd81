package dev.mimik.app;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.BadInputException;
import dev.mimik.lab.eifer.EmgInputs;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.eifer.EiferModelFile;
import dev.mimik.learn.eifer.EiferTraining;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik emg train}: learns both EIFER maps (and their linear baselines) from recordings. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train EMG->expression and expression->EMG maps (networks and linear baselines) from recordings.",
      "Takes signal files (EDF/BDF/XDF/CSV; raw sEMG with --preset eifer, or envelopes at the frame rate) paired in order with",
      "blendshape CSV files on the same clock. Channels are those of the first recording; later ones need them too.",
      "With --preset eifer, frames near electrode pops found in the raw signals are left out of training.",
      "",
      "Example: mimik emg train --signals p1.bdf,p2.bdf --blendshapes p1.csv,p2.csv --preset eifer --out eifer.zip"
    })
public final class EmgTrainCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin private EngineOptions engine;

  @Mixin private EmgPairedFiles files;

  @Mixin private EmgChainOptions chain;

  @Option(names = "--eog-band", negatable = true,
      description = "EMG2Exp (network and linear baseline) also takes each channel's EOG band (0.1-10 Hz, gaze and"
          + " blinks), stored in the model for 'apply'; on by default with --preset eifer, unavailable with none")
  private Boolean eogBand;

  @Option(names = "--saccade-integral", negatable = true,
      description = "EMG2Exp (network and linear baseline) also takes each channel's saccade integral (gaze read from"
          + " the EOG band through baseline wander), stored in the model for 'apply'; on by default with --preset"
          + " eifer, unavailable with none")
  private Boolean saccadeIntegral;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the networks (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--out", required = true, description = "model file to write (zip)")
  private Path out;

  @Override
  public Integer call() throws Exception {
    engine.apply();
    EmgInputs inputs = chain.inputs();
    boolean eog = eogBand != null ? eogBand : inputs.raw();
    boolean sac = saccadeIntegral != null ? saccadeIntegral : inputs.raw();
    PrintWriter err = spec.commandLine().getErr();
    List<String> channels = null;
    double rate = 0;
    List<EiferTraining.Recording> recordings = new ArrayList<>();
    int pops = 0;
    int frames = 0;
    int dropped = 0;
    for (int i = 0; i < files.count(); i++) {
      EmgInputs.Paired p = files.paired(i, chain, channels, eog, sac, err);
      if (channels == null) {
        channels = p.channels();
        rate = p.rate();
      } else if (Math.abs(p.rate() - rate) > 1e-9) {
        throw new BadInputException(files.signals.get(i), "envelopes at " + p.rate() + " Hz, the first file's at " + rate
            + " Hz");
      }
      recordings.add(p.recording());
      pops += p.pops();
      dropped += p.touched();
      frames += p.recording().envelopes().length;
    }
    Path checkpoint = out.resolveSibling(out.getFileName() + ".checkpoint");
    EiferModel model = EiferTraining.standard(seed).train(channels, Blendshapes.ARKIT_52, rate, recordings,
        checkpoint);
    EiferModelFile.write(model, out);
    Files.deleteIfExists(checkpoint);
    PrintWriter o = spec.commandLine().getOut();
    if (inputs.raw()) {
      o.printf(Locale.ROOT, "%d electrode pops found; %d of %d frames touch one on some channel and are left out"
          + " (with the windows around them)%n", pops, dropped, frames);
    }
    o.printf(Locale.ROOT, "trained on %d recordings, %d channels at %.2f frames/s%s%s; wrote %s%n",
        recordings.size(), channels.size(), rate, eog ? " with their EOG band" : "",
        sac ? (eog ? " and" : " with their") + " saccade integral" : "", out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
