package dev.mimik.app;

import dev.mimik.core.io.AtomicFiles;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.lab.demo.CalibrationCurve;
import dev.mimik.learn.train.TrainingOptions;
import dev.mimik.sim.face.SimulatedFace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mimik bench fine-tune}: a population model fine-tuned on a new person against a model from scratch. */
@Command(
    name = "fine-tune",
    mixinStandardHelpOptions = true,
    description = {
      "A model for a new person: a population model trained on many simulated participants, fine-tuned on",
      "calibration recordings of several lengths of people it never saw, against per-person models trained from",
      "scratch on the same recordings and the mean face; all scored on each person's held-out session (NME).",
      "",
      "Example: mimik bench fine-tune --seeds 11,12,13 --out fine-tune"
    })
final class BenchFineTuneCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin EngineOptions engine;

  @Option(names = "--seeds", split = ",", defaultValue = "11,12,13",
      description = "seeds of the simulation and training (default ${DEFAULT-VALUE})")
  List<Long> seeds;

  @Option(names = "--population", defaultValue = "6",
      description = "participants the population model is trained on (default ${DEFAULT-VALUE})")
  int population;

  @Option(names = "--new-people", defaultValue = "2",
      description = "participants held out of it, per seed (default ${DEFAULT-VALUE})")
  int newPeople;

  @Option(names = "--minutes", defaultValue = "6", description = "minutes per session (default ${DEFAULT-VALUE})")
  double minutes;

  @Option(names = "--calibration", split = ",", defaultValue = "0,0.5,1,2,5",
      description = "calibration lengths in minutes (default ${DEFAULT-VALUE})")
  List<Double> calibration;

  @Option(names = "--epochs", defaultValue = "30",
      description = "most epochs of the population and per-person models (default ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--ict", paramLabel = "DIR", defaultValue = "../shared/data/ict-facekit",
      description = "the ICT FaceKit conversion that makes the simulated faces (another model than the fitted one, as"
          + " under the realistic conditions); where it is missing, a variant of mimik's rig does (default"
          + " ${DEFAULT-VALUE})")
  Path ict;

  @Option(names = "--out", paramLabel = "DIR", description = "also write report.html (CDFs per calibration length)")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (seeds.isEmpty() || epochs < 1) {
      throw new ParameterException(spec.commandLine(), "need seeds and --epochs >= 1");
    }
    CalibrationCurve curve;
    try {
      curve = new CalibrationCurve(population, newPeople, minutes, calibration,
          TrainingOptions.defaults().withEpochs(epochs));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    engine.apply();
    PrintWriter o = spec.commandLine().getOut();
    FaceRig face = SimulatedFace.of(CalibrationCurve.CONDITIONS, EmbeddedRig.load(), ict,
        spec.commandLine().getErr()::println);
    o.println("faces made by " + face.name());
    List<CalibrationCurve.Score> scores = curve.run(face, seeds, line -> {
      o.println(line);
      o.flush();
    });
    o.print(curve.summary(scores));
    if (out != null) {
      Files.createDirectories(out);
      AtomicFiles.writeString(out.resolve("report.html"), curve.report(scores, face.name()).toHtml());
      o.println("wrote " + out.resolve("report.html"));
    }
    o.flush();
    return 0;
  }
}
