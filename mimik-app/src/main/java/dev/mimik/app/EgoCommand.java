package dev.mimik.app;

import picocli.CommandLine.Command;

/** {@code mimik ego}: faces from headset cameras (REFA); the work is in its subcommands. */
@Command(
    name = "ego",
    mixinStandardHelpOptions = true,
    description = {
      "Faces from infrared cameras inside a headset (REFA): simulated recordings with three kinds of labels,",
      "REFA's metrics, camera placement. The headset model itself (EgoNet) does not exist yet.",
      "",
      "Example: mimik ego simulate --out ego --subjects 4 --minutes 2 --domain both"
    },
    subcommands = {EgoSimulateCommand.class, EgoEvalCommand.class, EgoCheckCommand.class, EgoPlacementCommand.class})
public final class EgoCommand {}
