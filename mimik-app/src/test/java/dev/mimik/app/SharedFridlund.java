package dev.mimik.app;

import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.sensor.FridlundCalibration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The real Fridlund per-emotion table in {@code ../shared} (or {@code -Dmimik.shared}); tests skip without it. */
final class SharedFridlund {

  /** The emotions {@code mimik emg experiment} calibrates the simulator on by default. */
  static final List<Expression> CALIBRATION = List.of(Expression.HAPPY, Expression.SURPRISE, Expression.DISGUST);

  private SharedFridlund() {}

  /** The table, read; skips the calling test when it is absent. */
  static FridlundCalibration.Table read() {
    return FridlundCalibration.read(table());
  }

  /** The table's path; skips the calling test, saying why, when it is absent. */
  static Path table() {
    Path table = Path.of(System.getProperty("mimik.shared", "../shared"), "data/emg-fridlund/fridlund.csv");
    Assumptions.assumeTrue(Files.isRegularFile(table), "no " + table + " (shared data absent)");
    return table;
  }
}
