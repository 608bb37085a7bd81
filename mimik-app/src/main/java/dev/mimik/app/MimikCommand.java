package dev.mimik.app;

import picocli.CommandLine.Command;

/** The top-level {@code mimik} command; the work is in its subcommands. */
@Command(
    name = "mimik",
    mixinStandardHelpOptions = true,
    version = "mimik 0.1.0",
    description = "Facial expressions from wearable biosignals and headset cameras: landmarks, blendshapes and an animated 3D face.",
    footer = {"", "mimik batch simulate|track|eval|emg apply|training-set ...: commands over many recordings as Spark"
        + " jobs (module mimik-spark, which the ./mimik launcher starts: 'mimik batch --help')."},
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
      EgoCommand.class,
      InspectCommand.class,
      BenchCommand.class,
    })
public final class MimikCommand {}
