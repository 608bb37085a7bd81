package dev.mimik.spark;

import dev.mimik.spark.tasks.SimulateTask;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik batch simulate}: {@code mimik simulate} with one Spark task per session. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "mimik simulate with one task per session: OUT/pNN/sMM/ and OUT/manifest.csv are the files",
      "'mimik simulate --out OUT' writes with the same options (manifest.csv last, once every session is complete).",
      "",
      "Example: mimik batch simulate --out sim --participants 8 --minutes 5 --seed 1"
    })
public final class BatchSimulateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private SparkOptions spark;

  @Option(names = "--participants", defaultValue = "1", description = "as 'mimik simulate' (default ${DEFAULT-VALUE})")
  private int participants;

  @Option(names = "--sessions-per-participant", defaultValue = "1",
      description = "as 'mimik simulate' (default ${DEFAULT-VALUE})")
  private int sessions;

  @Option(names = "--minutes", defaultValue = "5", description = "as 'mimik simulate' (default ${DEFAULT-VALUE})")
  private double minutes;

  @Option(names = "--seed", defaultValue = "1", description = "as 'mimik simulate' (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--montage", defaultValue = "earpiece",
      description = "earpiece, fridlund or a montage CSV file every executor can read (default ${DEFAULT-VALUE})")
  private String montage;

  @Option(names = "--rate", defaultValue = "1000", description = "as 'mimik simulate' (default ${DEFAULT-VALUE})")
  private double rate;

  @Option(names = "--fps", defaultValue = "30", description = "as 'mimik simulate' (default ${DEFAULT-VALUE})")
  private double fps;

  @Option(names = "--format", defaultValue = "edf", description = "as 'mimik simulate' (default ${DEFAULT-VALUE})")
  private String format;

  @Option(names = "--conditions", defaultValue = "realistic",
      description = "as 'mimik simulate' (default ${DEFAULT-VALUE})")
  private String conditions;

  @Option(names = "--ict", paramLabel = "DIR", defaultValue = "../shared/data/ict-facekit",
      description = "as 'mimik simulate', a folder every executor can read (default ${DEFAULT-VALUE})")
  private String ict;

  @Override
  public Integer call() throws Exception {
    SimulateTask task = new SimulateTask(participants, sessions, minutes, seed, montage, rate, fps, format,
        conditions, ict);
    task.face(spec.commandLine().getErr()::println);
    return BatchExecution.run(spec, spark, task, store -> task.recordings(),
        (store, all) -> store.writeText(spark.out() + "/manifest.csv", task.manifest(all)));
  }
}
