package dev.mimik.lab.eifer;

import dev.mimik.core.io.BadInputException;
import dev.mimik.sim.performance.Exercise;
import dev.mimik.sim.sensor.FridlundCalibration;
import dev.mimik.sim.sensor.MuscleCalibration;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's muscle and electrode model judged on the voluntary-exercise table, held out: calibrated
 * ({@link MuscleCalibration#on}: amplitudes and lip and chin co-activations) on one fold of exercises, each exercise
 * of the other fold is played at its apex through the model (no noise, no chain) and its 22-channel profile
 * correlated with the measured row; then the folds swap. The folds are fixed ({@link #FOLDS}), chosen before any
 * measurement (see {@code docs/notes/eifer-exercises.md}).
 */
public final class ExerciseValidation {

  /** Fold A and fold B. */
  public static final List<List<Exercise>> FOLDS = List.of(
      List.of(Exercise.FOREHEAD_WRINKLE, Exercise.SMILE_CLOSED_MOUTH, Exercise.LIP_PUCKER, Exercise.TEETH_BARING),
      List.of(Exercise.EYES_CLOSED_TIGHT, Exercise.NOSE_WRINKLE, Exercise.SMILE_OPEN_MOUTH,
          Exercise.MOUTH_CORNERS_DOWN));

  /** The folds' names, as in {@link #FOLDS}. */
  public static final List<String> FOLD_NAMES = List.of("A", "B");

  /**
   * One exercise's apex profile against its measured row.
   *
   * @param heldOut whether the exercise was left out of the calibration that predicted it
   * @param pearson Pearson r over the channels the table has a value for
   * @param predicted the model's apex RMS per lead of the Fridlund montage, uV
   */
  public record ExerciseResult(Exercise exercise, boolean heldOut, double pearson, double[] predicted) {}

  /**
   * One fold's calibration and what it predicts.
   *
   * @param name the name of the fold calibrated on
   * @param muscles the calibration
   * @param results every exercise of the table: held out, or in-sample for the calibration's own
   */
  public record Fold(String name, MuscleCalibration muscles, List<ExerciseResult> results) {

    public List<ExerciseResult> heldOut() {
      return results.stream().filter(ExerciseResult::heldOut).toList();
    }

    /** Mean r over the held-out exercises. */
    public double meanHeldOut() {
      return heldOut().stream().mapToDouble(ExerciseResult::pearson).average().orElse(Double.NaN);
    }

    /** The lowest r of a held-out exercise. */
    public double minHeldOut() {
      return heldOut().stream().mapToDouble(ExerciseResult::pearson).min().orElse(Double.NaN);
    }
  }

  /** Both folds, and the calibration on every exercise of the table. */
  public record Result(FridlundCalibration.Table<Exercise> table, List<Fold> folds, MuscleCalibration all) {}

  private ExerciseValidation() {}

  /**
   * Calibrates on each fold's exercises in {@code table}, predicts every exercise, and calibrates on all of them.
   *
   * @param file the table's file, named when a fold has fewer than two exercises in it
   */
  public static Result run(FridlundCalibration.Table<Exercise> table, java.nio.file.Path file) {
    List<Fold> folds = new ArrayList<>();
    for (int f = 0; f < FOLDS.size(); f++) {
      List<Exercise> calibration = calibration(table, f);
      if (calibration.size() < 2 || calibration.size() == table.rows().size()) {
        throw new BadInputException(file, "the two-fold validation needs at least two exercises of each fold ("
            + FOLDS.stream().map(l -> l.stream().map(Exercise::label).toList().toString()).toList() + ")");
      }
      MuscleCalibration muscles = MuscleCalibration.on(table.subset(calibration));
      double[][] predicted = muscles.predictedRms(table.rows());
      List<ExerciseResult> results = new ArrayList<>();
      for (int i = 0; i < table.rows().size(); i++) {
        Exercise x = table.rows().get(i);
        results.add(new ExerciseResult(x, !calibration.contains(x), table.pearson(i, predicted[i]), predicted[i]));
      }
      folds.add(new Fold(FOLD_NAMES.get(f), muscles, results));
    }
    return new Result(table, folds, MuscleCalibration.on(table));
  }

  /** The exercises of {@code table} that fold {@code f} calibrates on, in the table's order. */
  public static List<Exercise> calibration(FridlundCalibration.Table<Exercise> table, int f) {
    return table.rows().stream().filter(FOLDS.get(f)::contains).toList();
  }
}
