package dev.mimik.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InputLayoutTest {

  /** Two channels, each with two log envelopes and one linear trace. */
  private static final InputLayout LAYOUT = new InputLayout(new int[] {0, 0, 0, 1, 1, 1},
      new boolean[] {true, true, false, true, true, false});

  @Test
  void oneGainPerChannelShiftsItsLogInputsAndScalesItsTraceWithTheGivenSpread() {
    float[][] window = new float[6][3];
    for (int i = 0; i < 6; i++) {
      for (int s = 0; s < 3; s++) {
        window[i][s] = 1 + i + 0.5f * s;
      }
    }
    Random random = new Random(3);
    int draws = 4000;
    double[] sum = new double[2];
    double[] sumSq = new double[2];
    for (int d = 0; d < draws; d++) {
      float[][] out = LAYOUT.withRandomGains(window, 0.2, random);
      for (int c = 0; c < 2; c++) {
        double shift = out[3 * c][0] - window[3 * c][0];
        for (int s = 0; s < 3; s++) {
          assertThat((double) out[3 * c][s] - window[3 * c][s]).isCloseTo(shift, within(1e-5));
          assertThat((double) out[3 * c + 1][s] - window[3 * c + 1][s]).isCloseTo(shift, within(1e-5));
          assertThat((double) out[3 * c + 2][s] / window[3 * c + 2][s]).isCloseTo(Math.exp(shift), within(1e-5));
        }
        sum[c] += shift;
        sumSq[c] += shift * shift;
      }
    }
    for (int c = 0; c < 2; c++) {
      double mean = sum[c] / draws;
      assertThat(mean).isCloseTo(0, within(0.02));
      assertThat(Math.sqrt(sumSq[c] / draws - mean * mean)).isCloseTo(0.2, within(0.01));
    }
    assertThat(window[0][0]).as("the window itself is left alone").isEqualTo(1f);
  }

  @Test
  void theChannelsDrawIndependentGains() {
    Random random = new Random(4);
    float[][] window = new float[6][1];
    double cross = 0;
    int draws = 4000;
    for (int d = 0; d < draws; d++) {
      float[][] out = LAYOUT.withRandomGains(window, 1, random);
      cross += out[0][0] * out[3][0];
    }
    assertThat(cross / draws).isCloseTo(0, within(0.06));
  }

  @Test
  void aTrainerAskedForGainJitterWithoutALayoutIsRefused() {
    TrainingOptions jitter = new TrainingOptions(1, 8, 1e-3f, 0, 1, 0.2, 2, 0, false).withGainJitter(0.1);
    assertThatThrownBy(() -> new BioNetTrainer(jitter)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gain jitter");
    assertThatThrownBy(() -> jitter.withGainJitter(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InputLayout(new int[] {0}, new boolean[] {true, false}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
