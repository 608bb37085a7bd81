package dev.mimik.lab.eifer;

import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.sensor.FridlundCalibration;
import dev.mimik.testing.SharedData;
import java.util.List;

/** The real Fridlund per-emotion table in {@code ../shared}; tests skip without it. */
final class SharedFridlund {

  /** The emotions {@code mimik emg experiment} calibrates the simulator on by default. */
  static final List<Expression> CALIBRATION = List.of(Expression.HAPPY, Expression.SURPRISE, Expression.DISGUST);

  private SharedFridlund() {}

  /** The table, read; skips the calling test when it is absent. */
  static FridlundCalibration.Table<Expression> read() {
    return FridlundCalibration.read(SharedData.file("emg-fridlund/fridlund.csv"));
  }
}
