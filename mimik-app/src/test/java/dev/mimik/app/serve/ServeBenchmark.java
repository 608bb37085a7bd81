package dev.mimik.app.serve;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (not a test) of {@code mimik serve} on loopback: frames at 30 fps to N WebSocket viewers for S
 * seconds, then live ingest blocks into a sink. Prints latency percentiles, the share of frames each viewer got,
 * and how late the source ran against its schedule.
 *
 * <p>Run from the repository root:
 * <pre>
 * ./mvnw -q -pl mimik-app -am test-compile dependency:build-classpath -Dmdep.outputFile=$PWD/cp.txt
 * java -cp "$(cat cp.txt):mimik-app/target/classes:mimik-app/target/test-classes" \
 *     dev.mimik.app.serve.ServeBenchmark [viewers=50] [seconds=60]
 * </pre>
 */
public final class ServeBenchmark {

  private static final Pattern T = Pattern.compile("\"t\":([0-9.]+)");
  private static final double FPS = 30;

  private ServeBenchmark() {}

  /** A source pushing a frame every 1/30 s, remembering when each left. */
  static final class PacedSource implements FrameSource {
    final long[] pushedAt;
    final double[] lateMs;
    final java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    private Thread thread;

    PacedSource(int frames) {
      pushedAt = new long[frames];
      lateMs = new double[frames];
    }

    @Override
    public void start(Listener listener) {
      thread = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        double[] w = new double[52];
        double[][] landmarks = new double[53][2];
        long t0 = System.nanoTime();
        for (int f = 0; f < pushedAt.length && !Thread.currentThread().isInterrupted(); f++) {
          long due = t0 + (long) (f / FPS * 1e9);
          while (System.nanoTime() < due) {
            LockSupport.parkNanos(due - System.nanoTime());
          }
          Arrays.fill(w, (f % 30) / 30.0);
          for (double[] p : landmarks) {
            p[0] = 100 + f % 7;
            p[1] = 200 - f % 5;
          }
          long now = System.nanoTime();
          pushedAt[f] = now;
          lateMs[f] = (now - due) / 1e6;
          listener.onFrame(new TrackedFrame(f / FPS, landmarks, w, 0, 0, 0, Map.of()));
          lateMs[f] = Math.max(lateMs[f], (System.nanoTime() - due) / 1e6);
        }
        listener.onEnd("benchmark source done");
      }, "bench-source");
      thread.start();
    }

    @Override
    public void stop() {
      if (thread != null) {
        thread.interrupt();
      }
    }

    @Override
    public String describe() {
      return "benchmark frames";
    }
  }

  public static void main(String[] args) throws Exception {
    int viewers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int frames = (int) (seconds * FPS);
    System.out.printf(Locale.ROOT, "mimik serve benchmark: %d viewers, %d s at %.0f fps (%d frames), %d cores%n",
        viewers, seconds, FPS, frames, Runtime.getRuntime().availableProcessors());
    PacedSource source = new PacedSource(frames);
    Map<Long, Long> ingestSent = new ConcurrentHashMap<>();
    List<Double> ingestLatency = java.util.Collections.synchronizedList(new ArrayList<>());
    SampleSink sink = (seq, samples) -> {
      Long sent = ingestSent.get(seq);
      if (sent != null) {
        ingestLatency.add((System.nanoTime() - sent) / 1e6);
      }
    };
    HttpClient http = HttpClient.newHttpClient();
    try (MimikServer server = new MimikServer(source, sink, null, ServerSettings.loopback(0))) {
      server.start();
      List<WsClient> clients = new ArrayList<>();
      for (int v = 0; v < viewers; v++) {
        clients.add(WsClient.open(http, server.port(), "/ws/frames"));
      }
      while ((int) server.health().get("viewers") < viewers) {
        Thread.sleep(20);
      }
      source.go.countDown();
      Thread.sleep((long) (seconds * 1000 + 1500));
      List<Double> latency = new ArrayList<>();
      double worstShare = 1;
      for (WsClient c : clients) {
        List<String> msgs = new ArrayList<>(c.messages);
        List<Long> at = new ArrayList<>(c.arrivalsNanos);
        for (int i = 0; i < msgs.size(); i++) {
          Matcher m = T.matcher(msgs.get(i));
          if (m.find()) {
            int f = (int) Math.round(Double.parseDouble(m.group(1)) * FPS);
            latency.add((at.get(i) - source.pushedAt[f]) / 1e6);
          }
        }
        worstShare = Math.min(worstShare, msgs.size() / (double) frames);
        c.close();
      }
      report("source -> viewer (in-JVM WebSocket client), ms", latency);
      System.out.printf(Locale.ROOT, "  worst viewer received %.2f%% of frames; frames dropped for slow viewers: %s%n",
          100 * worstShare, server.health().get("dropped"));
      List<Double> late = new ArrayList<>();
      for (double d : source.lateMs) {
        late.add(d);
      }
      report("source lateness against the 30 fps schedule (incl. broadcast), ms", late);

      // ingest: 2 channels x 8 samples at 250 Hz (31.25 blocks/s), binary, for 10 s
      try (WsClient ingest = WsClient.open(http, server.port(), "/ws/ingest")) {
        int blocks = 312;
        long t0 = System.nanoTime();
        for (int b = 0; b < blocks; b++) {
          long due = t0 + (long) (b * 8 / 250.0 * 1e9);
          while (System.nanoTime() < due) {
            LockSupport.parkNanos(due - System.nanoTime());
          }
          double[][] s = new double[2][8];
          ingestSent.put((long) b, System.nanoTime());
          ingest.sendBinary(IngestDecoder.encodeBinary(new SampleBlock(b, 250, s)));
        }
        Thread.sleep(500);
      }
      report("ingest: block sent -> SampleSink.accept, ms", new ArrayList<>(ingestLatency));
    }
    // the JDK WebSocket clients' threads outlive their sockets; the figures are out, so end here
    System.exit(0);
  }

  private static void report(String what, List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      System.out.println(what + ": no samples");
      return;
    }
    System.out.printf(Locale.ROOT, "%s: n=%d p50=%.2f p95=%.2f p99=%.2f max=%.2f%n", what, v.length,
        pct(v, 0.50), pct(v, 0.95), pct(v, 0.99), v[v.length - 1]);
  }

  private static double pct(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
