package dev.mimik.app;

import picocli.CommandLine.Command;

/** {@code mimik ego}: faces from headset cameras (REFA); the work is in its subcommands. */
@Command(
    name = "ego",
    mixinStandardHelpOptions = true,
    description = {
      "Faces from infrared cameras inside a headset (REFA): simulated recordings with three kinds of labels,",
      "REFA's metrics, camera placement, and the headset model EgoNet: training, iterative distillation.",
      "",
      "Example: mimik ego simulate --out ego --subjects 4 --minutes 2 --domain both"
    },
    subcommands = {EgoSimulateCommand.class, EgoEvalCommand.class, EgoCheckCommand.class, EgoPlacementCommand.class,
        EgoTrainCommand.class, EgoDistillCommand.class, EgoTrackCommand.class, EgoDemoCommand.class})
public final class EgoCommand {}
