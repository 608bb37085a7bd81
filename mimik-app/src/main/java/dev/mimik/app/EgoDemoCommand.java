package dev.mimik.app;

import dev.mimik.core.io.BadInputException;
import dev.mimik.lab.ego.EgoDemo;
import dev.mimik.learn.ego.Distillation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik ego demo}: simulate a small headset dataset, distill EgoNet, track the held-out subjects. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The headset model end to end in minutes: simulates a small dataset (subjects alternating between the",
      "synthetic domain and a simulated \"real\" one: another face model with pseudo ground truth), runs REFA's",
      "iterative distillation with small T and K, tracks the held-out real subjects with the final model, and",
      "writes data/, ego.model, study.json, study.md, track/ and report.md into --out.",
      "",
      "Example: mimik ego demo --out ego-demo"
    })
public final class EgoDemoCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--out", required = true, description = "output folder (must not exist or be empty)")
  private Path out;

  @Option(names = "--subjects", defaultValue = "10",
      description = "subjects, alternating synthetic and real (default ${DEFAULT-VALUE})")
  private int subjects;

  @Option(names = "--minutes", defaultValue = "1", description = "minutes per recording (default ${DEFAULT-VALUE})")
  private double minutes;

  @Option(names = "--held-out", defaultValue = "2",
      description = "real subjects held out and tracked (default ${DEFAULT-VALUE})")
  private int heldOut;

  @Option(names = "--rounds", defaultValue = "1", description = "T, rounds (default ${DEFAULT-VALUE})")
  private int rounds;

  @Option(names = "--pool", defaultValue = "1", description = "K, models per pool (default ${DEFAULT-VALUE})")
  private int pool;

  @Option(names = "--steps", defaultValue = "" + EgoDemo.STEPS,
      description = "training steps per model (default ${DEFAULT-VALUE})")
  private int steps;

  @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--ict", defaultValue = "../shared/data/ict-facekit",
      description = "ICT FaceKit conversion for the real domain's face; without it the real domain uses mimik's rig"
          + " (default ${DEFAULT-VALUE})")
  private Path ict;

  @Mixin
  private EngineOptions engine;

  @Override
  public Integer call() throws Exception {
    engine.apply();
    if (minutes <= 0 || minutes > 60 || rounds < 1 || pool < 1 || steps < 1) {
      throw new BadInputException("--minutes must be in (0, 60], --rounds, --pool and --steps at least 1");
    }
    if (Files.isDirectory(out)) {
      try (var s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new BadInputException(out, "is not empty");
        }
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      EgoDemo.checkSubjects(subjects, heldOut);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    EgoDemo.Settings settings = EgoDemo.settings(subjects, minutes, heldOut, steps, seed,
        new Distillation.Settings(rounds, pool, EgoDistillCommand.SMOOTHING_FRAMES),
        EgoSimulateCommand.realFace(ict, err));
    EgoDemo.Result r = EgoDemo.run(settings, out, line -> err.println(line));
    PrintWriter print = spec.commandLine().getOut();
    print.print(Files.readString(out.resolve("report.md")));
    double cpu = r.cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
    print.printf(Locale.ROOT, "wrote %s (CPU %.0f s)%n", out, cpu);
    print.flush();
    return 0;
  }
}
