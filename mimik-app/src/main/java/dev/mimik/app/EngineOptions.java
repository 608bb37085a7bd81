package dev.mimik.app;

import dev.mimik.learn.engine.TorchEngine;
import picocli.CommandLine.Option;

/** The {@code --threads} option of the commands that train or run networks. */
final class EngineOptions {

  @Option(names = "--threads", paramLabel = "N", defaultValue = "" + TorchEngine.DEFAULT_THREADS,
      description = "intra-op threads of the networks (default ${DEFAULT-VALUE}: faster for mimik's small networks"
          + " on 2 cores; 'mimik bench train' and 'mimik bench track' time 1 against 2)")
  int threads;

  /** Sets the engine's threads; refuses a count below 1. */
  void apply() {
    if (threads < 1) {
      throw new dev.mimik.core.io.BadInputException("--threads must be at least 1, not " + threads);
    }
    TorchEngine.setThreads(threads);
  }
}
