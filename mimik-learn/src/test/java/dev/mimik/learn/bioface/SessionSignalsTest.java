package dev.mimik.learn.bioface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSignalsTest {

  private static Channel sine(String name, double fs, double hz, double seconds) {
    double[] x = new double[(int) Math.round(fs * seconds)];
    for (int i = 0; i < x.length; i++) {
      x[i] = 100 * Math.sin(2 * Math.PI * hz * i / fs);
    }
    return new Channel(name, "uV", fs, x);
  }

  @Test
  void picksChannelsByNameInTheModelsOrder() {
    Signal s = Signal.of(List.of(sine("B", 500, 3, 2), sine("A", 500, 5, 2)));
    double[][] out = SessionSignals.select(s, SyntheticSession.FRONT_END, Path.of("x.edf"), w -> {
      throw new AssertionError("no warning expected: " + w);
    });
    assertThat(Arrays.equals(out[0], s.channel(1).samples())).as("A first").isTrue();
    assertThat(Arrays.equals(out[1], s.channel(0).samples())).as("then B").isTrue();
  }

  @Test
  void anotherRateIsResampledWithAWarning() {
    Signal s = Signal.of(List.of(sine("A", 1000, 5, 4), sine("B", 1000, 7, 4)));
    List<String> warnings = new ArrayList<>();
    double[][] out = SessionSignals.select(s, SyntheticSession.FRONT_END, Path.of("rec.edf"), warnings::add);
    assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).contains("rec.edf").contains("1000").contains("500"));
    assertThat(out[0].length).isBetween(1999, 2001);
    double[] expected = sine("A", 500, 5, 4).samples();
    for (int i = 100; i < 1900; i++) {
      assertThat(out[0][i]).as("sample %d", i).isCloseTo(expected[i], within(1.0));
    }
  }

  @Test
  void aMissingChannelIsRefusedNamingTheFileAndTheChannel() {
    Signal s = Signal.of(List.of(sine("A", 500, 5, 1), sine("X", 500, 5, 1)));
    assertThatThrownBy(() -> SessionSignals.select(s, SyntheticSession.FRONT_END, Path.of("rec.edf"), w -> {}))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("rec.edf").hasMessageContaining("'B'")
        .hasMessageContaining("[A, X]");
  }

  @Test
  void aRateTooSlowForTheEmgBandIsRefused() {
    Signal s = Signal.of(List.of(sine("A", 60, 5, 2), sine("B", 60, 5, 2)));
    assertThatThrownBy(() -> SessionSignals.select(s, SyntheticSession.FRONT_END, Path.of("slow.csv"), w -> {}))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("slow.csv").hasMessageContaining("60.0 Hz");
  }
}
