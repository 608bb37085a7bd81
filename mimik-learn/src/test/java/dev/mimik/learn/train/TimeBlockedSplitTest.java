package dev.mimik.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeBlockedSplitTest {

  @ParameterizedTest
  @CsvSource({"1000, 0.2, 5, 10", "18000, 0.1, 3, 30", "97, 0.25, 2, 3", "50, 0.5, 1, 0"})
  void noTrainingFrameIsWithinTheGapOfAValidationFrame(int frames, double fraction, int blocks, int gap) {
    TimeBlockedSplit.Split split = new TimeBlockedSplit(fraction, blocks, gap).split(frames);
    assertThat(split.validation().length).isCloseTo((int) Math.round(frames * fraction), org.assertj.core.data.Offset.offset(blocks));
    for (int t : split.train()) {
      for (int v : split.validation()) {
        assertThat(Math.abs(t - v)).isGreaterThan(gap);
      }
    }
    long runs = 1 + java.util.stream.IntStream.range(1, split.validation().length)
        .filter(i -> split.validation()[i] != split.validation()[i - 1] + 1).count();
    assertThat(runs).isLessThanOrEqualTo(blocks);
    assertThat(split.train().length + split.validation().length).isLessThanOrEqualTo(frames);
    assertThat(split.train()).isSorted();
    assertThat(Arrays.stream(split.validation()).allMatch(v -> v >= 0 && v < frames)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"10, 0.5, 5, 5", "3, 0.5, 1, 3"})
  void tooFewFramesForTheSplitAreRefused(int frames, double fraction, int blocks, int gap) {
    assertThatThrownBy(() -> new TimeBlockedSplit(fraction, blocks, gap).split(frames))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
