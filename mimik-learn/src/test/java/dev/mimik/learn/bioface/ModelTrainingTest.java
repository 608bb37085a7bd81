package dev.mimik.learn.bioface;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelTrainingTest {

  /** Mains interference four times weaker than the broadband noise is still found, at either frequency. */
  @ParameterizedTest
  @ValueSource(doubles = {50, 60})
  void findsTheMainsFrequencyUnderBroadbandNoise(double mains) {
    SplittableRandom r = new SplittableRandom((long) mains);
    double fs = 1000;
    double[] x = new double[20_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = 4 * r.nextGaussian() + Math.sin(2 * Math.PI * mains * i / fs + 0.3)
          + 0.3 * Math.sin(2 * Math.PI * 3 * mains * i / fs);
    }
    Signal s = Signal.of(List.of(new Channel("EAR1", "uV", fs, x)));
    assertThat(ModelTraining.mainsHz(s)).isEqualTo(mains);
  }
}
