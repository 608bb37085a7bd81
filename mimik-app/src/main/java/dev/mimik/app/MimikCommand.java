package dev.mimik.app;

import picocli.CommandLine.Command;

/** The top-level {@code mimik} command; the work is in its subcommands. */
@Command(
    name = "mimik",
    mixinStandardHelpOptions = true,
    version = "mimik 0.1.0",
    description = "Facial expressions from wearable biosignals: landmarks, blendshapes and an animated 3D face.",
    subcommands = {
      picocli.CommandLine.HelpCommand.class,
      DemoCommand.class,
      SimulateCommand.class,
      TrainCommand.class,
      TrackCommand.class,
      FitCommand.class,
      EvalCommand.class,
      ServeCommand.class,
      EmgCommand.class,
      InspectCommand.class,
      BenchCommand.class,
    })
public final class MimikCommand {}
