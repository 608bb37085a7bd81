package dev.mimik.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mimik bench}: speed benchmarks that print figures; one subcommand per part of the system. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Speed benchmarks (figures only, no pass/fail).",
    subcommands = {
      BenchAccuracyCommand.class,
      BenchDspCommand.class,
      BenchEgoCommand.class,
      BenchEgoHeadsCommand.class,
      BenchFineTuneCommand.class,
      BenchFitCommand.class,
      BenchForeignFitCommand.class,
      BenchServeCommand.class,
      BenchTrackCommand.class,
      BenchRenderCommand.class,
      BenchTrainCommand.class,
    },
    footer = {"", "Example:", "  mimik bench dsp"})
public final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "choose a benchmark, e.g. 'mimik bench dsp'");
  }
}
