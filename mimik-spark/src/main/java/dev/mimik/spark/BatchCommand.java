package dev.mimik.spark;

import picocli.CommandLine.Command;

/** {@code mimik batch}: a command over many recordings as one Spark job; the work is in its subcommands. */
@Command(
    name = "mimik batch",
    mixinStandardHelpOptions = true,
    version = "mimik 0.1.0",
    description = {
      "Run a command over the recordings of a manifest as one Spark job, one task per recording: embedded Spark on",
      "this machine by default (--master local[*]), or a cluster (--master spark://host:7077, yarn, k8s://...).",
      "Each recording's outputs are the files the single command writes, under OUT/ID/; OUT/metrics.json and",
      "OUT/report.html summarise the batch (failures with their file and reason, metrics per recording, participant",
      "and dataset). A re-run skips the recordings that are complete (OUT/_batch/done/ID.json is written last).",
      "",
      "Example: mimik batch track --manifest sim/manifest.csv --model me.mimik --out tracked"
    },
    subcommands = {
      picocli.CommandLine.HelpCommand.class,
      BatchSimulateCommand.class,
      BatchEvalCommand.class,
      BatchEmgCommand.class,
      BatchTrackCommand.class,
      BatchTrainingSetCommand.class,
    })
public final class BatchCommand {}
