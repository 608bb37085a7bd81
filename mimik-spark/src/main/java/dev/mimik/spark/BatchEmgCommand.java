package dev.mimik.spark;

import picocli.CommandLine.Command;

/** {@code mimik batch emg}: the EIFER commands over many recordings; the work is in its subcommands. */
@Command(
    name = "emg",
    mixinStandardHelpOptions = true,
    description = "EIFER's commands over the recordings of a manifest.",
    subcommands = {BatchEmgApplyCommand.class})
public final class BatchEmgCommand {}
