package dev.mimik.sim.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.sim.Fixtures;
import dev.mimik.sim.muscle.CoActivation;
import dev.mimik.sim.muscle.Muscle;
import dev.mimik.sim.muscle.MuscleModel;
import dev.mimik.sim.performance.Exercise;
import java.util.List;
import org.junit.jupiter.api.Test;

class MuscleCalibrationTest {

  /** Smile co-activations and an upper-lip raise's, as a calibration could find them; no lip stretching or press. */
  private static final CoActivation TRUTH = new CoActivation(List.of(0.3, 0.2, 0.5, 0.0, 0.0, 0.0, 0.0));

  @Test
  void aKnownProfileGivesRAtOne() {
    double[] amplitudes = Biosensor.defaultAmplitudes();
    var table = synthesised(amplitudes, TRUTH, List.of(Exercise.values()));
    double[] r = new MuscleCalibration(amplitudes, TRUTH, 0).pearson(table);
    assertThat(r).hasSize(Exercise.values().length);
    for (double x : r) {
      assertThat(x).isCloseTo(1, within(1e-12));
    }
    double[] other = new MuscleCalibration(amplitudes, CoActivation.none(), 0).pearson(table);
    assertThat(other[Exercise.SMILE_OPEN_MOUTH.ordinal()]).isLessThan(0.99);
  }

  @Test
  void theSearchFindsCoActivationsThatReproduceATableMadeWithThem() {
    var table = synthesised(Biosensor.defaultAmplitudes(), TRUTH, List.of(Exercise.values()));
    MuscleCalibration found = MuscleCalibration.on(table);
    for (double x : found.pearson(table)) {
      assertThat(x).isGreaterThan(0.995);
    }
    // without co-activation the smiles' lip and chin leads are crosstalk only
    assertThat(MuscleCalibration.amplitudesOn(table, CoActivation.none()).pearson(table)[
        Exercise.SMILE_OPEN_MOUTH.ordinal()]).isLessThan(0.99);
    int press = CoActivation.LINKS.indexOf(new CoActivation.Link(Muscle.DEPRESSOR_ANGULI_ORIS, "mouthPress"));
    assertThat(found.coActivation().weight(press)).as("no exercise presses the lips").isZero();
  }

  @Test
  void aWeightNoRowUsesIsNotIdentifiedAndStaysZero() {
    var table = synthesised(Biosensor.defaultAmplitudes(), new CoActivation(List.of(0.3, 0.2, 0.5, 0.4, 0.4, 0.4, 0.0)),
        List.of(Exercise.FOREHEAD_WRINKLE, Exercise.SMILE_OPEN_MOUTH, Exercise.LIP_PUCKER));
    CoActivation found = MuscleCalibration.on(table).coActivation();
    for (int i = 0; i < CoActivation.LINKS.size(); i++) {
      if (CoActivation.LINKS.get(i).shape().equals("mouthStretch")) {
        assertThat(found.weight(i)).as(CoActivation.LINKS.get(i).toString()).isZero();
      }
    }
  }

  @Test
  void builtInCoActivationIsTheSearchOnTheExerciseTable() {
    var table = FridlundCalibration.readExercises(Fixtures.shared("data/emg-fridlund/exercises.csv"));
    MuscleCalibration all = MuscleCalibration.on(table);
    System.out.printf("co-activation on all exercises: %s, shrinkage %g%n", all.coActivation().weights(),
        all.lambda());
    assertThat(all.coActivation()).isEqualTo(CoActivation.builtIn());
  }

  private static FridlundCalibration.Table<Exercise> synthesised(double[] amplitudes, CoActivation co,
      List<Exercise> rows) {
    Montage montage = Montage.fridlund();
    double[][] rms = FridlundCalibration.predictedRms(montage, amplitudes, rows, new MuscleModel(co));
    return new FridlundCalibration.Table<>(rows, montage.channelNames(), rms);
  }
}
