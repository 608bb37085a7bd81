package dev.mimik.app;

import picocli.CommandLine.Command;

/** {@code mimik emg}: EIFER's maps between facial muscle activity and expression; the work is in its subcommands. */
@Command(
    name = "emg",
    mixinStandardHelpOptions = true,
    description = {
      "Muscles and expressions both ways (EIFER): EMG->expression and expression->EMG maps.",
      "Train both maps on recordings, apply them, measure them on recordings or on simulated Fridlund sessions.",
      "",
      "Example: mimik emg train --signals s1.edf --blendshapes s1.csv --preset eifer --out model.zip"
    },
    subcommands = {EmgTrainCommand.class, EmgApplyCommand.class, EmgSynthesizeCommand.class,
      EmgExperimentCommand.class, EmgEvalCommand.class})
public final class EmgCommand {}
