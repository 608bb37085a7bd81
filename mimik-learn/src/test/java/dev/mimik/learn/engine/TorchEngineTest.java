package dev.mimik.learn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TorchEngineTest {

  @Test
  void oneDnnIsOnByDefaultAndASwitchReportsAndRestoresTheFormerState() {
    assertThat(TorchEngine.setOneDnn(false)).isTrue();
    assertThat(TorchEngine.setOneDnn(false)).isFalse();
    assertThat(TorchEngine.setOneDnn(true)).isFalse();
    assertThat(TorchEngine.setOneDnn(true)).isTrue();
  }
}
