package dev.mimik.app;

import dev.mimik.core.io.BadInputException;
import dev.mimik.lab.eifer.EiferExperiment;
import dev.mimik.lab.eifer.EiferReport;
import dev.mimik.lab.eifer.EiferStudy;
import dev.mimik.learn.eifer.EiferModelFile;
import dev.mimik.sim.performance.Exercise;
import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.sensor.FridlundCalibration;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mimik emg experiment}: EIFER's measurement ({@link EiferStudy}): the simulator's muscle model against the
 * real exercise and emotion tables, and both maps on simulated Fridlund sessions, written as an HTML report,
 * {@code metrics.json}, a model file and a muscle heat map.
 */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = {
      "Judge the simulator's muscle model on real Fridlund-montage tables, then measure EMG2Exp and Exp2EMG on"
          + " simulated sessions.",
      "With --exercises (the voluntary-exercise table): each exercise's apex through the muscle model calibrated on"
          + " the other half of the exercises (two fixed folds, both ways round), then the simulator calibrated on"
          + " every exercise, so that every row of --fridlund is held out. With --fridlund alone: the simulator's"
          + " amplitudes calibrated on the --calibrate emotions. Then, unless --no-sessions, simulated sessions at"
          + " --rate through EIFER's chain with --fir-taps, both maps with their linear baselines trained on some"
          + " participants and measured on the others, and Exp2EMG at each emotion's apex against the table.",
      "",
      "Example: mimik emg experiment --exercises ../shared/data/emg-fridlund/exercises.csv"
          + " --fridlund ../shared/data/emg-fridlund/fridlund.csv --rate 4096 --seed 11 --out eifer-report"
    })
public final class EmgExperimentCommand implements Callable<Integer> {

  private static final List<String> DEFAULT_CALIBRATION = List.of("happy", "surprise", "disgust");

  @Spec
  private CommandSpec spec;

  @Mixin private EngineOptions engine;

  @Option(names = "--exercises", description = "the real voluntary-exercise table (exercises.csv)")
  private Path exercises;

  @Option(names = "--fridlund", description = "the real per-emotion table (fridlund.csv)")
  private Path fridlund;

  @Option(names = "--out", required = true, description = "output folder (created)")
  private Path out;

  @Option(names = "--sessions", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "simulate sessions and train the maps; --no-sessions judges the muscle model alone, in seconds"
          + " (default ${DEFAULT-VALUE})")
  private boolean sessions;

  @Option(names = "--train", defaultValue = "4", description = "training participants (default ${DEFAULT-VALUE})")
  private int train;

  @Option(names = "--test", defaultValue = "2", description = "test participants (default ${DEFAULT-VALUE})")
  private int test;

  @Option(names = "--seconds", defaultValue = "120", description = "seconds per session (default ${DEFAULT-VALUE})")
  private double seconds;

  @Option(names = "--rate", defaultValue = "2048",
      description = "simulated sEMG rate in Hz; the chain keeps EIFER's durations, so at 4096 Hz it is EIFER's"
          + " (RMS over 2048 samples, 30 Hz frames) (default ${DEFAULT-VALUE})")
  private double rate;

  @Option(names = {"--fir-taps", "--taps"}, defaultValue = "0",
      description = "FIR band-pass taps at --rate; 0 is 513 taps at 4096 Hz in duration, which blocks baseline wander"
          + " (EIFER's literal 129 at 4096 Hz do not: 65 at 2048 Hz) (default ${DEFAULT-VALUE})")
  private int taps;

  @Option(names = "--seed", defaultValue = "1", description = "seed of everything (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--calibrate", split = ",",
      description = "without --exercises, the emotions whose real profiles calibrate the simulator's amplitudes"
          + " (default happy,surprise,disgust; shrunk towards the muscles' common level by the weight that predicts a"
          + " left-out calibration emotion best); refused with --exercises, which calibrates on the exercises")
  private List<String> calibrate;

  @Option(names = "--eog-band", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "EMG2Exp (network and linear baseline) also takes each lead's EOG band (0.1-10 Hz), which carries"
          + " gaze and blinks; --no-eog-band is EIFER's envelope-only input (default ${DEFAULT-VALUE})")
  private boolean eogBand;

  @Option(names = "--saccade-integral", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "EMG2Exp (network and linear baseline) also takes each lead's saccade integral: gaze read from the"
          + " EOG band through baseline wander, by integrating the band's steps during saccades (default"
          + " ${DEFAULT-VALUE})")
  private boolean saccadeIntegral;

  @Override
  public Integer call() throws Exception {
    if (exercises == null && fridlund == null) {
      throw new BadInputException("need --exercises, --fridlund or both");
    }
    if (exercises != null && calibrate != null) {
      throw new BadInputException("--calibrate chooses emotions to calibrate on without --exercises; with"
          + " --exercises the simulator is calibrated on the exercises and every emotion row is held out");
    }
    if (sessions && (train < 1 || test < 1 || !(seconds >= 20) || !(rate >= 1024))) {
      throw new BadInputException("need --train and --test >= 1, --seconds >= 20 and --rate >= 1024");
    }
    if (sessions) {
      engine.apply();
    }
    List<Expression> cal = new ArrayList<>();
    for (String c : calibrate == null ? DEFAULT_CALIBRATION : calibrate) {
      try {
        cal.add(Expression.valueOf(c.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--calibrate: unknown emotion '" + c + "'");
      }
    }
    FridlundCalibration.Table<Exercise> exerciseTable =
        exercises == null ? null : FridlundCalibration.readExercises(exercises);
    FridlundCalibration.Table<Expression> emotionTable = fridlund == null ? null : FridlundCalibration.read(fridlund);
    if (emotionTable != null && exerciseTable == null && emotionTable.subset(cal).rows().size() < 2) {
      throw new BadInputException(fridlund, "needs at least two of the --calibrate emotions " + cal);
    }
    EiferExperiment experiment = sessions ? new EiferExperiment(train, test, seconds, rate, seed, taps,
        exerciseTable == null ? cal : List.of(), eogBand, saccadeIntegral) : null;
    PrintWriter err = spec.commandLine().getErr();
    EiferStudy.Result r = new EiferStudy(exerciseTable, exercises, emotionTable, cal, experiment).run(line -> {
      err.println(line);
      err.flush();
    });
    Files.createDirectories(out);
    if (r.sessions() != null) {
      EiferModelFile.write(r.sessions().model(), out.resolve("eifer-model.zip"));
    }
    EiferReport.write(r, out);
    spec.commandLine().getOut().print(EiferReport.summary(r));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
