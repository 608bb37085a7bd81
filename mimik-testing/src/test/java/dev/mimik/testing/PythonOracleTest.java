package dev.mimik.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PythonOracleTest {

  @Test
  void arraysTravelBothWaysBitForBitNanIncluded() {
    double[] x = {0.1, -2.5e-300, Double.NaN, Math.PI, Double.MAX_VALUE};
    PythonOracle.Outputs py = PythonOracle.numpy().run("save('y', load('x')); save('n', [len(load('x'))])",
        Map.of("x", x));
    assertThat(py.get("y")).containsExactly(x);
    assertThat(py.scalar("n")).isEqualTo(5);
    assertThat(py.names()).containsExactly("n", "y");
  }

  @Test
  void scipyBindsSignal() {
    PythonOracle.Outputs py = PythonOracle.scipy().run("save('d', signal.unit_impulse(3, 1))", Map.of());
    assertThat(py.get("d")).containsExactly(0, 1, 0);
  }

  @Test
  void aFailingSnippetFailsTheTestWithPythonsOutput() {
    PythonOracle.numpy().run("pass", Map.of()); // skips here where there is no numpy
    assertThatThrownBy(() -> PythonOracle.numpy().run("print('before'); raise ValueError('no such thing')", Map.of()))
        .isInstanceOf(AssertionError.class).hasMessageContaining("before").hasMessageContaining("no such thing");
  }

  @Test
  void aSnippetPastItsTimeoutFails() {
    PythonOracle.numpy().run("pass", Map.of());
    assertThatThrownBy(() -> PythonOracle.numpy().timeout(Duration.ofSeconds(1)).run("import time; time.sleep(30)",
        Map.of())).isInstanceOf(AssertionError.class).hasMessageContaining("did not finish within 1 s");
  }

  @Test
  void anArrayTheSnippetDidNotSaveIsNamedInTheFailure() {
    PythonOracle.Outputs py = PythonOracle.numpy().run("save('a', [1.0])", Map.of());
    assertThatThrownBy(() -> py.get("b")).isInstanceOf(AssertionError.class).hasMessageContaining("[a]");
    assertThatThrownBy(() -> PythonOracle.numpy().run("save('a', [1.0, 2.0])", Map.of()).scalar("a"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("2 values");
  }

  @Test
  void aMissingModuleSkipsWithOneMessageNamingItAndTheInterpretersTried() {
    assertThatThrownBy(() -> PythonOracle.numpy().requiring("no_such_module_mimik").run("pass", Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no_such_module_mimik").hasMessageContaining("/usr/bin/python3");
    assertThat(PythonOracle.interpreterWith("no_such_module_mimik")).isEmpty();
  }

  @Test
  void relativeErrorIsTheLargestDifferenceOverTheLargestMagnitude() {
    assertThat(PythonOracle.relativeError(new double[] {1, 2.5, -4}, new double[] {1, 2, -5})).isEqualTo(0.2);
    assertThatThrownBy(() -> PythonOracle.relativeError(new double[1], new double[2]))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void theTestSignalIsTheSameForTheSameSeed() {
    assertThat(TestSignal.of(100, 1000, 3)).containsExactly(TestSignal.of(100, 1000, 3));
    assertThat(TestSignal.of(100, 1000, 3)).isNotEqualTo(TestSignal.of(100, 1000, 4));
  }
}
