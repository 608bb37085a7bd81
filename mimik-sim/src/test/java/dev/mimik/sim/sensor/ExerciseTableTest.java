package dev.mimik.sim.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.io.BadInputException;
import dev.mimik.sim.Fixtures;
import dev.mimik.sim.performance.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExerciseTableTest {

  private static final String HEAD = ",DAO li,OrbOr li,Zyg li";

  @Test
  void theSharedExerciseTableHasEveryExerciseOnTheFridlundMontage() {
    var table = FridlundCalibration.readExercises(Fixtures.shared("data/emg-fridlund/exercises.csv"));
    assertThat(table.rows()).containsExactlyInAnyOrder(Exercise.values());
    assertThat(table.channels()).hasSize(22).allMatch(Montage.fridlund().channelNames()::contains);
    assertThat(Arrays.stream(table.microvolts()).flatMapToDouble(Arrays::stream)).allMatch(v -> v > 0);
  }

  @Test
  void anExerciseRowIsFoundByItsLabel(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("ok.csv");
    Files.writeString(file, HEAD + "\nlip_pucker,17.03,41.62,1.18\nTEETH_BARING,1,2,3\n");
    var table = FridlundCalibration.readExercises(file);
    assertThat(table.rows()).containsExactly(Exercise.LIP_PUCKER, Exercise.TEETH_BARING);
    assertThat(table.microvolts()[0]).containsExactly(17.03, 41.62, 1.18);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "lip_pucker,1,2,3\\nsmile_sideways,1,2,3|unknown exercise 'smile_sideways'",
      "lip_pucker,1,2|exercise 'lip_pucker' has 2 values, not 3",
      "lip_pucker,1,x,3|exercise 'lip_pucker', OrbOr li: 'x' is not an amplitude",
      "lip_pucker,1,-2,3|exercise 'lip_pucker', OrbOr li: '-2' is not an amplitude",
      "lip_pucker,1,2,3\\nlip_pucker,1,2,3|exercise 'lip_pucker' appears twice",
      "|needs a header and at least one exercise row"})
  void aBadExerciseTableIsRejectedWithItsFileName(String rows, String problem, @TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, HEAD + "\n" + (rows == null ? "" : rows.replace("\\n", "\n")) + "\n");
    assertThatThrownBy(() -> FridlundCalibration.readExercises(file)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ": ").hasMessageContaining(problem);
  }

  @Test
  void aTableWithoutFridlundChannelsIsRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("other.csv");
    Files.writeString(file, ",Fp1,Fp2\nlip_pucker,1,2\n");
    assertThatThrownBy(() -> FridlundCalibration.readExercises(file)).isInstanceOf(BadInputException.class)
        .hasMessage(file + ": no column is a Fridlund channel (such as 'Zyg li')");
  }
}
