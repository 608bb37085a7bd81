package dev.mimik.core.io.edf;

import dev.mimik.core.data.Annotation;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Seeded test signals for the EDF family: several rates, units, ranges and annotations. */
final class EdfFixtures {

  private EdfFixtures() {}

  /**
   * Ten seconds at 512, 256 and 2.5 Hz (the last forces 2-second records), in uV, mV and V, with three annotations
   * (one with a duration, one with non-ASCII text) and a start date.
   */
  static Signal multiRate(long seed) {
    Random rnd = new Random(seed);
    return new Signal(
        List.of(
            channel("EMG1", "uV", 512, 10, 800, rnd),
            channel("EOG-L", "uV", 256, 10, 120.5, rnd),
            channel("Acc", "mV", 256, 10, 3, rnd),
            channel("Batt", "V", 2.5, 10, 0.2, rnd)),
        0,
        Optional.of(LocalDateTime.of(2024, 3, 5, 14, 30, 15)),
        List.of(new Annotation(1.25, 0, "blink"), new Annotation(3.5, 0.75, "jaw clench"),
            new Annotation(7.0, 0, "smile \u00b5V \u00fc")));
  }

  /** One channel at one rate, no annotations, no start date: what plain EDF/BDF can hold. */
  static Signal plain(long seed, double rate, int seconds) {
    Random rnd = new Random(seed);
    return new Signal(List.of(channel("EMG1", "uV", rate, seconds, 500, rnd),
        channel("EMG2", "uV", rate, seconds, 50, rnd)), 0, Optional.empty(), List.of());
  }

  /** A sine with noise and an offset, amplitude {@code amplitude}. */
  static Channel channel(String name, String unit, double rate, int seconds, double amplitude, Random rnd) {
    double[] x = new double[(int) Math.round(rate * seconds)];
    double offset = amplitude * (rnd.nextDouble() - 0.5);
    double freq = 0.5 + 5 * rnd.nextDouble();
    for (int i = 0; i < x.length; i++) {
      x[i] = offset + amplitude * (0.7 * Math.sin(2 * Math.PI * freq * i / rate) + 0.3 * rnd.nextGaussian());
    }
    return new Channel(name, unit, rate, x);
  }
}
