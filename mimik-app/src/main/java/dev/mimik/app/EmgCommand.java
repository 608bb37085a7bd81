package dev.mimik.app;

import picocli.CommandLine.Command;

/** {@code mimik emg}: EIFER's maps between facial muscle activity and expression; the work is in its subcommands. */
@Command(
    name = "emg",
    mixinStandardHelpOptions = true,
    description = {
      "Muscles and expressions both ways (EIFER): train EMG->expression and expression->EMG maps, apply them,",
      "and measure them on simulated Fridlund sessions.",
      "",
      "Example: mimik emg train --signals s1.edf --blendshapes s1.csv --preset eifer --out model.zip"
    },
    subcommands = {EmgTrainCommand.class, EmgApplyCommand.class, EmgSynthesizeCommand.class,
      EmgExperimentCommand.class, EmgEvalCommand.class})
public final class EmgCommand {}
