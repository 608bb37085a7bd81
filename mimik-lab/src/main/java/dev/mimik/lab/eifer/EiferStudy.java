package dev.mimik.lab.eifer;

import dev.mimik.sim.performance.Exercise;
import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.sensor.FridlundCalibration;
import dev.mimik.sim.sensor.MuscleCalibration;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What {@code mimik emg experiment} measures, in order: with the voluntary-exercise table, the two-fold held-out
 * validation of the simulator's muscle model ({@link ExerciseValidation}) and then the simulator calibrated on every
 * exercise, so that each emotion row is held out; without it, the simulator's amplitudes calibrated on the
 * experiment's emotions. Then, unless there are no sessions, the simulated sessions and both maps
 * ({@link EiferExperiment}); and each emotion row against the muscle model and, with sessions, Exp2EMG.
 *
 * @param exercises the exercise table, or null
 * @param exercisesFile its file, named in a complaint about it
 * @param emotions the per-emotion table, or null (one of the two tables is needed)
 * @param calibrate without the exercise table, the emotions of {@code emotions} to calibrate the amplitudes on
 * @param experiment the sessions' settings (with the exercise table, its {@code calibration} emotions are not
 *     used), or null for no sessions
 */
public record EiferStudy(FridlundCalibration.Table<Exercise> exercises, Path exercisesFile,
    FridlundCalibration.Table<Expression> emotions, List<Expression> calibrate, EiferExperiment experiment) {

  public EiferStudy {
    if (exercises == null && emotions == null) {
      throw new IllegalArgumentException("need the exercise table, the emotion table or both");
    }
    calibrate = exercises != null ? List.of() : List.copyOf(calibrate);
  }

  /**
   * Everything measured.
   *
   * @param exercises the two-fold exercise validation, or null
   * @param muscles the simulator's muscles the emotion rows and the sessions used
   * @param calibratedOn what {@code muscles} were calibrated on, in words
   * @param emotionsCalibrated the emotion rows calibrated on (none with the exercise table)
   * @param emotions each emotion row's comparison, empty without the emotion table
   * @param experiment the sessions' settings, or null
   * @param sessions the sessions' results, or null
   */
  public record Result(ExerciseValidation.Result exercises, MuscleCalibration muscles, String calibratedOn,
      List<Expression> emotionsCalibrated, List<EiferExperiment.EmotionResult> emotions, EiferExperiment experiment,
      EiferExperiment.Result sessions) {}

  public Result run(Consumer<String> progress) {
    ExerciseValidation.Result validation = null;
    MuscleCalibration muscles;
    String calibratedOn;
    List<Expression> calibrated;
    if (exercises != null) {
      validation = ExerciseValidation.run(exercises, exercisesFile);
      muscles = validation.all();
      calibrated = List.of();
      calibratedOn = "the exercise table (" + exercises.rows().size() + " exercises)";
      progress.accept(String.format(Locale.ROOT, "muscles calibrated on %s: co-activation %s, shrinkage %g",
          calibratedOn, muscles.coActivation().weights(), muscles.lambda()));
    } else {
      calibrated = calibrate;
      muscles = EiferExperiment.calibrated(emotions.subset(calibrated), progress);
      calibratedOn = "the emotions " + calibrated.stream().map(Expression::label).toList();
    }
    EiferExperiment.Result sessions = null;
    List<EiferExperiment.EmotionResult> rows = List.of();
    if (experiment != null) {
      sessions = experiment.run(muscles, emotions, calibrated, progress);
      rows = sessions.emotions();
    } else if (emotions != null) {
      rows = EiferExperiment.emotions(muscles, emotions, calibrated, null);
    }
    return new Result(validation, muscles, calibratedOn, calibrated, rows, experiment, sessions);
  }
}
