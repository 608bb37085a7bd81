package dev.mimik.app.serve;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load test of {@code mimik serve} ({@code mimik bench serve}): a server on the loopback address sends synthetic
 * frames at a fixed rate to N WebSocket viewers while one ingest client pushes binary blocks at a device's pace, for
 * a set time. Measures the frames each viewer received, the delivery latency (frame leaving the source to its
 * arrival at the viewer), the ingest latency (block sent to {@link SampleSink#accept}) and the heap in use after a
 * full collection before and after. Viewers and the ingest client are JDK WebSocket clients in the same process,
 * so they share the machine's cores with the server.
 */
public final class ServeBenchmark {

  /** What to run. */
  public record Load(int viewers, double seconds, double fps, int channels, double rateHz, int blockSamples) {
    public Load {
      if (viewers < 1 || !(seconds > 0) || !(fps > 0) || channels < 1 || channels > IngestDecoder.MAX_CHANNELS
          || !(rateHz > 0) || blockSamples < 1 || blockSamples > IngestDecoder.MAX_LENGTH) {
        throw new IllegalArgumentException("viewers, seconds, fps, channels (1.." + IngestDecoder.MAX_CHANNELS
            + "), rate and block length must be positive");
      }
    }
  }

  /**
   * What came out.
   *
   * @param framesSent frames the source sent
   * @param framesPerViewer frames each viewer received
   * @param deliveryMs delivery latency of every frame received, sorted
   * @param blocksSent ingest blocks sent
   * @param blocksAccepted ingest blocks that reached the sink
   * @param ingestMs block sent to accepted, sorted
   * @param dropped frames the server dropped for slow viewers
   * @param heapBeforeBytes heap in use after a full collection with every client connected, before the frames
   * @param heapAfterBytes the same after the last frame, before the clients leave
   */
  public record Result(int framesSent, int[] framesPerViewer, double[] deliveryMs, int blocksSent,
      long blocksAccepted, double[] ingestMs, long dropped, long heapBeforeBytes, long heapAfterBytes) {

    /** The value at quantile {@code q} of sorted values (NaN when empty). */
    public static double quantile(double[] sorted, double q) {
      return sorted.length == 0 ? Double.NaN
          : sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }
  }

  private ServeBenchmark() {}

  /** Runs the load once. */
  public static Result run(Load load) throws InterruptedException {
    int frames = (int) Math.round(load.seconds() * load.fps());
    PacedFrameSource source = new PacedFrameSource(frames, load.fps());
    long[] sentAt = new long[(int) Math.ceil(load.seconds() * load.rateHz() / load.blockSamples()) + 1];
    List<Double> ingestMs = new ArrayList<>();
    AtomicLong accepted = new AtomicLong();
    SampleSink sink = (seq, samples) -> {
      long now = System.nanoTime();
      accepted.incrementAndGet();
      if (seq < sentAt.length && sentAt[(int) seq] != 0) {
        synchronized (ingestMs) {
          ingestMs.add((now - sentAt[(int) seq]) / 1e6);
        }
      }
    };
    HttpClient http = HttpClient.newHttpClient();
    List<Viewer> viewers = new ArrayList<>();
    try (MimikServer server = new MimikServer(source, sink, null, ServerSettings.loopback(0).withLimits(
        new ServerSettings.Limits(8, Math.max(128, load.viewers()), 4, 1 << 20, 1000, 8 << 20, 2, 10))).start()) {
      for (int v = 0; v < load.viewers(); v++) {
        viewers.add(new Viewer(http, server.port(), source));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while ((int) server.health().get("viewers") < load.viewers() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      WebSocket ingest = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port()
          + "/ws/ingest"), new WebSocket.Listener() { }).join();
      long heapBefore = heapAfterGc();
      source.go();
      int blocks = push(ingest, load, sentAt);
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
      while (System.nanoTime() < end) {
        Thread.sleep(50);
      }
      long heapAfter = heapAfterGc();
      ingest.abort();
      int[] perViewer = new int[viewers.size()];
      List<Double> delivery = new ArrayList<>();
      for (int v = 0; v < perViewer.length; v++) {
        perViewer[v] = viewers.get(v).received();
        viewers.get(v).latenciesInto(delivery);
        viewers.get(v).close();
      }
      synchronized (ingestMs) {
        return new Result(frames, perViewer, sorted(delivery), blocks, accepted.get(), sorted(ingestMs),
            (long) server.health().get("dropped"), heapBefore, heapAfter);
      }
    }
  }

  /** Sends blocks at the device's pace until the frames are done; returns how many were sent. */
  private static int push(WebSocket ingest, Load load, long[] sentAt) {
    double[][] samples = new double[load.channels()][load.blockSamples()];
    long t0 = System.nanoTime();
    int b = 0;
    for (; b < sentAt.length - 1; b++) {
      long due = t0 + (long) (b * load.blockSamples() / load.rateHz() * 1e9);
      while (System.nanoTime() < due) {
        LockSupport.parkNanos(due - System.nanoTime());
      }
      for (double[] ch : samples) {
        Arrays.fill(ch, Math.sin(b * 0.1));
      }
      ByteBuffer message = IngestDecoder.encodeBinary(new SampleBlock(b, load.rateHz(), samples));
      sentAt[b] = System.nanoTime();
      ingest.sendBinary(message, true).join();
    }
    return b;
  }

  private static double[] sorted(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** One viewer: counts frames and keeps each one's delivery latency; keeps no messages. */
  private static final class Viewer implements WebSocket.Listener {
    private final PacedFrameSource source;
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    private double[] latencies = new double[256];
    private int received;

    Viewer(HttpClient http, int port, PacedFrameSource source) {
      this.source = source;
      this.socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/frames"), this)
          .join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        long now = System.nanoTime();
        int f = frameIndex(partial);
        if (f >= 0 && f < source.frames() && source.pushedAtNanos(f) != 0) {
          synchronized (this) {
            if (received == latencies.length) {
              latencies = Arrays.copyOf(latencies, 2 * latencies.length);
            }
            latencies[received++] = (now - source.pushedAtNanos(f)) / 1e6;
          }
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    /** The frame index from the message's leading {@code "t":} field. */
    private int frameIndex(CharSequence json) {
      String s = json.subSequence(0, Math.min(json.length(), 40)).toString();
      int at = s.indexOf("\"t\":");
      if (at < 0) {
        return -1;
      }
      int end = at + 4;
      while (end < s.length() && ".0123456789eE-".indexOf(s.charAt(end)) >= 0) {
        end++;
      }
      return (int) Math.round(Double.parseDouble(s.substring(at + 4, end)) * source.fps());
    }

    synchronized int received() {
      return received;
    }

    synchronized void latenciesInto(List<Double> out) {
      for (int i = 0; i < received; i++) {
        out.add(latencies[i]);
      }
    }

    void close() {
      socket.abort();
    }
  }
}
