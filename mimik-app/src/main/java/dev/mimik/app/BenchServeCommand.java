package dev.mimik.app;

import dev.mimik.app.serve.ServeBenchmark;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mimik bench serve}: the load test of the live server ({@link ServeBenchmark}), figures only. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Load test of 'mimik serve' on the loopback address: synthetic frames at --fps to --viewers WebSocket viewers",
      "while one ingest client pushes binary blocks at a device's pace, for --seconds. Prints the frames each viewer",
      "received (min, mean), the delivery latency (p50, p99, max), the ingest latency and the heap in use after a",
      "full collection before and after. The clients run in the same process and share the cores with the server.",
      "",
      "Example: mimik bench serve --viewers 50 --seconds 60"
    })
final class BenchServeCommand implements Callable<Integer> {

  /** Share of the frames each viewer should receive (issue 21). */
  static final double TARGET_SHARE = 0.95;

  @Spec CommandSpec spec;

  @Option(names = "--viewers", defaultValue = "50", description = "WebSocket viewers (default ${DEFAULT-VALUE})")
  int viewers;

  @Option(names = "--seconds", defaultValue = "60", description = "how long frames are sent (default ${DEFAULT-VALUE})")
  double seconds;

  @Option(names = "--fps", defaultValue = "30", description = "frames per second (default ${DEFAULT-VALUE})")
  double fps;

  @Option(names = "--channels", defaultValue = "22", description = "ingest channels (default ${DEFAULT-VALUE})")
  int channels;

  @Option(names = "--rate", defaultValue = "4096", description = "ingest sampling rate, Hz (default ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--block", defaultValue = "128", description = "ingest samples per block (default ${DEFAULT-VALUE})")
  int block;

  @Override
  public Integer call() throws Exception {
    ServeBenchmark.Load load;
    try {
      load = new ServeBenchmark.Load(viewers, seconds, fps, channels, rate, block);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "mimik bench serve: %d viewers, %.0f s at %.0f fps; one ingest client, %d channels at %.0f"
        + " Hz in blocks of %d; loopback, %d cores%n", viewers, seconds, fps, channels, rate, block,
        Runtime.getRuntime().availableProcessors());
    o.flush();
    ServeBenchmark.Result r = ServeBenchmark.run(load);
    int min = Arrays.stream(r.framesPerViewer()).min().orElse(0);
    double mean = Arrays.stream(r.framesPerViewer()).average().orElse(0);
    o.printf(Locale.ROOT, "frames per viewer: min %d (%.2f %%), mean %.1f (%.2f %%) of %d sent; dropped for slow"
        + " viewers %d; target >= %.0f %% to each %s%n", min, 100.0 * min / r.framesSent(), mean,
        100 * mean / r.framesSent(), r.framesSent(), r.dropped(), 100 * TARGET_SHARE,
        min >= TARGET_SHARE * r.framesSent() ? "met" : "NOT met");
    o.printf(Locale.ROOT, "delivery latency, source to viewer: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d frames)%n",
        ServeBenchmark.Result.quantile(r.deliveryMs(), 0.5), ServeBenchmark.Result.quantile(r.deliveryMs(), 0.99),
        ServeBenchmark.Result.quantile(r.deliveryMs(), 1), r.deliveryMs().length);
    o.printf(Locale.ROOT, "ingest: %d of %d blocks accepted; sent to accepted p50 %.2f ms, p99 %.2f ms%n",
        r.blocksAccepted(), r.blocksSent(), ServeBenchmark.Result.quantile(r.ingestMs(), 0.5),
        ServeBenchmark.Result.quantile(r.ingestMs(), 0.99));
    o.printf(Locale.ROOT, "heap in use after a full collection: before %.1f MiB, after %.1f MiB (%+.1f MiB)%n",
        r.heapBeforeBytes() / 1048576.0, r.heapAfterBytes() / 1048576.0,
        (r.heapAfterBytes() - r.heapBeforeBytes()) / 1048576.0);
    o.flush();
    return 0;
  }
}
