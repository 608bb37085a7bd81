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

  @Test
  void namesTheAllocatorThatTheEnvironmentPreloads() {
    String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
    String expected = preload.contains("jemalloc") ? "jemalloc" : preload.contains("tcmalloc") ? "tcmalloc"
        : "system malloc";
    assertThat(TorchEngine.allocator()).isEqualTo(expected);
  }

  @Test
  void readsTheAllocatorFromAMemoryMap() {
    String libc = "7f1c2a000000-7f1c2a028000 r--p 00000000 08:01 1234 /usr/lib/x86_64-linux-gnu/libc.so.6\n";
    assertThat(TorchEngine.allocatorIn(libc)).isEqualTo("system malloc");
    assertThat(TorchEngine.allocatorIn(libc
        + "7f1c2b000000-7f1c2b00a000 r--p 00000000 08:01 99 /usr/lib/x86_64-linux-gnu/libjemalloc.so.2\n"))
        .isEqualTo("jemalloc");
    assertThat(TorchEngine.allocatorIn(
        "7f1c2b000000-7f1c2b00a000 r--p 00000000 08:01 99 /usr/lib/libtcmalloc_minimal.so.4\n" + libc))
        .isEqualTo("tcmalloc");
  }
}
