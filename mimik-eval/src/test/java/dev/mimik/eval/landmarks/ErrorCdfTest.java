package dev.mimik.eval.landmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorCdfTest {

  @Test
  void fractionsAndQuantilesOfTenErrors() {
    ErrorCdf cdf = ErrorCdf.of(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, Double.NaN});
    assertThat(cdf.size()).isEqualTo(10);
    assertThat(cdf.fractionAtMost(0.5)).isEqualTo(0.0);
    assertThat(cdf.fractionAtMost(3)).isEqualTo(0.3);
    assertThat(cdf.fractionAtMost(3.5)).isEqualTo(0.3);
    assertThat(cdf.fractionAtMost(10)).isEqualTo(1.0);
    assertThat(cdf.quantile(0.8)).isEqualTo(8);
    assertThat(cdf.quantile(0.81)).isEqualTo(9);
    assertThat(cdf.quantile(1)).isEqualTo(10);
    assertThat(cdf.quantile(0.01)).isEqualTo(1);
  }
}
