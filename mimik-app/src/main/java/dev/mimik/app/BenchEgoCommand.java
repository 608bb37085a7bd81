package dev.mimik.app;

import dev.mimik.lab.ego.EgoBenchmark;
import dev.mimik.lab.ego.EgoTrack;
import dev.mimik.learn.ego.EgoModel;
import dev.mimik.learn.ego.EgoModelFile;
import dev.mimik.track.StageTimings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik bench ego}: inference speed of the five headset views through the shared pipeline. */
@Command(
    name = "ego",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the headset path: a recording's five views per frame (decoded beforehand) pushed one frame at a",
      "time through the pipeline 'mimik ego track' and 'serve --ego-replay' run (EgoNet, failure detector, online",
      "calibration, smoothing), replaying the recording as often as --frames asks. Prints frames per CPU second of",
      "the thread and the CPU and wall-clock times per frame (mean, p50, p99): the CPU figures are the ones that",
      "hold on a busy machine.",
      "",
      "Example: mimik bench ego --model ego-model/ego.model --views ego/s02/r01 --frames 3000"
    })
public final class BenchEgoCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--model", required = true, description = "an EgoNet model (mimik ego train or distill)")
  private Path model;

  @Option(names = "--views", required = true, description = "a recording folder holding views/CAMERA/000000.png")
  private Path views;

  @Option(names = "--frames", defaultValue = "3000", description = "frames timed (default ${DEFAULT-VALUE})")
  private int frames;

  @Option(names = "--warmup", defaultValue = "100", description = "untimed frames first (default ${DEFAULT-VALUE})")
  private int warmup;

  @Mixin
  private EngineOptions engine;

  @Override
  public Integer call() throws Exception {
    if (frames < 1 || warmup < 0) {
      throw new dev.mimik.core.io.BadInputException("--frames must be positive and --warmup not negative");
    }
    engine.apply();
    try (EgoModel m = EgoModelFile.read(model)) {
      EgoTrack.Recording r = EgoTrack.Recording.open(views, m.cameras(), 30);
      byte[][] decoded = new byte[r.frames()][];
      for (int f = 0; f < decoded.length; f++) {
        decoded[f] = r.views(f, m.imageSize());
      }
      EgoBenchmark b = EgoBenchmark.run(m, decoded, r.times(), frames, warmup);
      StageTimings.Summary cpu = b.cpu();
      StageTimings.Summary wall = b.wall();
      PrintWriter o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "five views (%dx%d) through the shared pipeline, %d frames after %d untimed, %d"
          + " intra-op thread(s)%n", m.imageSize(), m.imageSize(), frames, warmup, engine.threads);
      o.printf(Locale.ROOT, "%.0f frames per CPU second; CPU per frame %.2f ms mean, %.2f ms p50, %.2f ms p99, %.2f"
          + " ms max%n", b.framesPerCpuSecond(), cpu.mean(), cpu.p50(), cpu.p99(), cpu.max());
      o.printf(Locale.ROOT, "wall per frame %.2f ms mean, %.2f ms p50, %.2f ms p99 (%.0f frames per second)%n",
          wall.mean(), wall.p50(), wall.p99(), 1000 / wall.mean());
      o.flush();
    }
    return 0;
  }
}
